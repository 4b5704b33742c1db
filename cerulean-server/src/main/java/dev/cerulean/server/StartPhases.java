package dev.cerulean.server;

/**
 * Milliseconds per start-up phase, logged once as "started in N ms (phase n ms, ...)": the
 * one-line start-up profile bench/README.md quotes.
 */
final class StartPhases {
    private final long started = System.nanoTime();
    private final StringBuilder phases = new StringBuilder();
    private long last = started;

    void mark(String phase) {
        long now = System.nanoTime();
        phases.append(phases.length() == 0 ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
        last = now;
    }

    @Override
    public String toString() {
        return "started in " + (last - started) / 1_000_000 + " ms (" + phases + ")";
    }
}
