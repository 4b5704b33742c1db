package dev.cerulean.server.arm.spi;

/**
 * The long-running behaviour of one kind of operation on a type.
 *
 * @param style how the first response answers
 * @param polls how many status polls answer InProgress before completion; -1 means "the server's default"
 */
public record LroPolicy(LroStyle style, int polls) {
    public static final LroPolicy SYNC = new LroPolicy(LroStyle.SYNC, 0);

    public static LroPolicy async(LroStyle style) { return new LroPolicy(style, -1); }

    public boolean isAsync() { return style != LroStyle.SYNC; }
}
