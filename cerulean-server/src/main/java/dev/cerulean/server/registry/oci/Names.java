package dev.cerulean.server.registry.oci;

import java.util.regex.Pattern;

/** The OCI grammar of repository names and tags, and the page-size rules of list endpoints. */
public final class Names {

    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    /** ACR's repository name limit (name plus path). */
    private static final int MAX_REPOSITORY = 256;

    private Names() {}

    public static boolean isRepository(String name) {
        return name != null && name.length() <= MAX_REPOSITORY && REPOSITORY.matcher(name).matches();
    }

    public static boolean isTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    public static String requireRepository(String name) {
        if (!isRepository(name)) throw OciError.nameInvalid(name);
        return name;
    }

    /**
     * A byte position from a {@code Range} or {@code Content-Range} header (digits only). One past
     * {@code Long.MAX_VALUE} saturates: it lies beyond any blob, so the caller answers 416, not a 500.
     */
    static long bytePosition(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The {@code n} of a list request: absent = {@code fallback}; not a positive number = 400. */
    public static int pageSize(String n, int fallback) {
        if (n == null || n.isEmpty()) return fallback;
        try {
            int v = Integer.parseInt(n);
            if (v < 0) throw new NumberFormatException();
            return Math.min(v, 10_000);
        } catch (NumberFormatException e) {
            throw OciError.of(400, "PAGINATION_NUMBER_INVALID", "invalid number of results requested: " + n);
        }
    }
}
