/**
 * The one JDBC implementation of the storage interfaces, on SQLite (a file by default, or memory)
 * and PostgreSQL. {@link dev.cerulean.store.jdbc.JdbcStores#open} takes a
 * {@link dev.cerulean.store.jdbc.StoreSettings}, migrates the schema with Flyway from
 * {@code db/migration/common} and pools connections with Hikari.
 *
 * <p>The stores' SQL is written once, in what both databases accept ({@code INSERT ... ON CONFLICT},
 * BIGINT epoch-millisecond timestamps, key ranges instead of LIKE). Everything else that differs
 * sits behind {@code Dialect}: how connections are configured and pooled (SQLite: WAL, synchronous
 * FULL, a busy timeout, {@code BEGIN IMMEDIATE}), the placeholder that gives key columns
 * code-point ordering, transaction begin/commit, and unique-violation detection.
 *
 * <p>Transactions are bound to the calling thread: inside
 * {@link dev.cerulean.store.Transactions#inTransaction} one connection is held in a thread-local
 * and every store call on that thread joins it, including nested {@code inTransaction} calls; the
 * outermost call commits, or rolls back and rethrows the work's exception unchanged. Outside a
 * transaction each call borrows an auto-commit connection for itself. Conditional writes are
 * single statements, so races are settled by the database and no Java lock is taken. A transaction
 * must not wait on another thread that uses the same stores: with the one-connection in-memory
 * pool that would deadlock until the pool's timeout. {@link java.sql.SQLException}s surface as
 * {@link dev.cerulean.store.StoreException}.
 */
package dev.cerulean.store.jdbc;
