package dev.cerulean.templates.functions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** {@code uniqueString} and {@code guid}, bit-exact with ARM (deployments.md §3.8). */
public final class Hashes {
    private Hashes() {}

    private static final int C1 = 0x239b961b, C2 = 0xab0e9789, C3 = 0x561ccd1b, C4 = 0x0bcaa747;
    private static final int M1 = 0x85ebca6b, M2 = 0xc2b2ae35;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final UUID ARM_NAMESPACE = UUID.fromString("11fb06fb-712d-4ddd-98c7-e71bbd588830");
    private static final byte[] NAMESPACE_BYTES = ByteBuffer.allocate(16).putLong(ARM_NAMESPACE.getMostSignificantBits())
            .putLong(ARM_NAMESPACE.getLeastSignificantBits()).array();
    /** Looking a digest up by name costs more than hashing a short name; keep one per thread. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    });

    /** 13 lower-case base32 characters of ARM's 64-bit Murmur variant over the parts joined with {@code -}. */
    public static String uniqueString(String... parts) {
        long h = murmur64(String.join("-", parts).getBytes(StandardCharsets.UTF_8));
        char[] out = new char[13];
        for (int i = 0; i < 13; i++) {
            out[i] = BASE32[(int) (h >>> 59)];
            h <<= 5;
        }
        return new String(out);
    }

    static long murmur64(byte[] b) {
        int n = b.length;
        int h1 = 0, h2 = 0, i = 0;
        while (i + 7 < n) {
            int k1 = u32le(b, i, 4), k2 = u32le(b, i + 4, 4);
            k1 *= C1; k1 = Integer.rotateLeft(k1, 15); k1 *= C2; h1 ^= k1;
            h1 = Integer.rotateLeft(h1, 19); h1 += h2; h1 = h1 * 5 + C3;
            k2 *= C2; k2 = Integer.rotateLeft(k2, 17); k2 *= C1; h2 ^= k2;
            h2 = Integer.rotateLeft(h2, 13); h2 += h1; h2 = h2 * 5 + C4;
            i += 8;
        }
        int t = n - i;
        if (t > 0) {
            int k1 = u32le(b, i, Math.min(t, 4));
            k1 *= C1; k1 = Integer.rotateLeft(k1, 15); k1 *= C2; h1 ^= k1;
        }
        if (t > 4) {
            int k2 = u32le(b, i + 4, t - 4);
            k2 *= C2; k2 = Integer.rotateLeft(k2, 17); k2 *= C1; h2 ^= k2;
        }
        h1 ^= n; h2 ^= n;
        h1 += h2; h2 += h1;
        h1 = fmix(h1); h2 = fmix(h2);
        h1 += h2; h2 += h1;
        return ((long) h2 << 32) | (h1 & 0xffffffffL);
    }

    private static int u32le(byte[] b, int at, int len) {
        int v = 0;
        for (int j = 0; j < len; j++) v |= (b[at + j] & 0xff) << (8 * j);
        return v;
    }

    private static int fmix(int h) {
        h ^= h >>> 16; h *= M1; h ^= h >>> 13; h *= M2; h ^= h >>> 16;
        return h;
    }

    /** RFC 4122 version-5 UUID in ARM's namespace over the parts joined with {@code -}. */
    public static String guid(String... parts) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        sha1.update(NAMESPACE_BYTES);
        byte[] d = sha1.digest(String.join("-", parts).getBytes(StandardCharsets.UTF_8));
        d[6] = (byte) ((d[6] & 0x0f) | 0x50);
        d[8] = (byte) ((d[8] & 0x3f) | 0x80);
        ByteBuffer bb = ByteBuffer.wrap(d, 0, 16);
        return new UUID(bb.getLong(), bb.getLong()).toString();
    }
}
