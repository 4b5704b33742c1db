package dev.cerulean.server.proxy;

import java.time.Duration;

/**
 * When a {@link Tunnel} gives up on a silent peer, so that no connection thread waits forever.
 *
 * @param idle            no byte either way for this long ends the tunnel (Jetty's own idle timeout usually acts first)
 * @param halfClosedGrace after one direction ended, this much silence ends the other
 * @param tick            how often a blocked read wakes up to check the two limits
 */
record TunnelLimits(Duration idle, Duration halfClosedGrace, Duration tick) {
    static final TunnelLimits DEFAULT = new TunnelLimits(Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofSeconds(5));
}
