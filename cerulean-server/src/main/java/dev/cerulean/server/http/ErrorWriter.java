package dev.cerulean.server.http;

import dev.cerulean.core.error.ApiError;

/** Writes an {@link ApiError} in one surface's wire shape. One implementation per surface. */
public interface ErrorWriter {
    void write(Exchange exchange, ApiError error);
}
