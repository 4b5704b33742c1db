package dev.cerulean.store.jdbc;

/**
 * The keys strictly below {@code key} in the id hierarchy, as a half-open range
 * {@code [key + "/", key + "0")}: '0' is the character after '/', so the range holds exactly the
 * keys that start with {@code key + "/"}. A range, unlike LIKE, needs no escaping of the '_' and '%'
 * that names may contain, and uses the primary-key index. It relies on keys comparing by code
 * point, which the {@code key_text} column type guarantees on every dialect.
 */
record KeySubtree(String from, String before) {

    static KeySubtree below(String key) {
        return new KeySubtree(key + "/", key + "0");
    }
}
