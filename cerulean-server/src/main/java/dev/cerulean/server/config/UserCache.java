package dev.cerulean.server.config;

import java.nio.file.Path;

/**
 * {@code $XDG_CACHE_HOME/cerulean}, else {@code ~/.cache/cerulean}: files derived from the jar
 * (native libraries unpacked once, and what picks them), safe to delete at any time.
 */
public final class UserCache {
    private UserCache() {}

    public static Path directory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cerulean");
    }
}
