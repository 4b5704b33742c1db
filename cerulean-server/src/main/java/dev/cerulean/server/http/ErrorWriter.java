package dev.cerulean.server.http;

import dev.cerulean.core.error.ApiError;
import io.javalin.http.Context;

/** Writes an {@link ApiError} in one surface's wire shape. One implementation per surface. */
public interface ErrorWriter {
    void write(Context ctx, ApiError error);
}
