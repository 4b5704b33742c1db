package dev.cerulean.store;

/** A storage failure that is not the client's fault (database unreachable, corrupt row). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
