package dev.cerulean.store;

/**
 * The precondition of a write, checked atomically with it (compare-and-set), so that
 * concurrent writers are settled by the store and no lock is held elsewhere.
 */
public sealed interface WriteCondition {
    /** Write whatever is there. */
    record Always() implements WriteCondition {}
    /** Write only if no row with this key exists (create). */
    record Absent() implements WriteCondition {}
    /** Write only if a row exists and its etag equals {@code etag}. */
    record EtagMatches(String etag) implements WriteCondition {}

    WriteCondition ALWAYS = new Always();
    WriteCondition ABSENT = new Absent();

    static WriteCondition etag(String etag) { return new EtagMatches(etag); }
}
