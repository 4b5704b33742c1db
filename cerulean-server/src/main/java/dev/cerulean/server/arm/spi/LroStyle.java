package dev.cerulean.server.arm.spi;

/**
 * How an operation answers (arm.md §8): at once, or asynchronously with a status URL that reports
 * {@code InProgress} for a configured number of polls, always with {@code Retry-After: 1}.
 */
public enum LroStyle {
    /** 200/201 with the final result, no async headers. */
    SYNC,
    /** 201 (PUT) or 202 with an {@code Azure-AsyncOperation} status URL (and {@code Location} for DELETE/POST). */
    AZURE_ASYNC_OPERATION,
    /** 202 with a {@code Location} URL that answers 202 until done, then the final result. */
    LOCATION,
    /**
     * 202 with no body and both URLs, {@code Azure-AsyncOperation} and {@code Location}, for PUT too
     * (Machine Learning workspaces: ml.md §2.4).
     */
    ACCEPTED_WITH_BOTH
}
