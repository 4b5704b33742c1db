package dev.cerulean.server.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A registry error as the OCI distribution spec writes it: a status and one entry of
 * {@code {"errors":[{"code","message","detail"}]}}. Handlers throw it; {@link RegistryExchange#fail} writes it.
 */
public final class OciError extends RuntimeException {

    private final int status;
    private final String code;
    private final transient JsonNode detail;
    private final String wwwAuthenticate;
    private final String headerName;
    private final String headerValue;

    private OciError(int status, String code, String message, JsonNode detail, String wwwAuthenticate, String headerName,
                     String headerValue) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.wwwAuthenticate = wwwAuthenticate;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    public static OciError of(int status, String code, String message) {
        return new OciError(status, code, message, null, null, null, null);
    }

    public static OciError refused(int status, String code, String message, String wwwAuthenticate) {
        return new OciError(status, code, message, null, wwwAuthenticate, null, null);
    }

    public OciError withDetail(JsonNode d) {
        return new OciError(status, code, getMessage(), d, wwwAuthenticate, headerName, headerValue);
    }

    /** One more header on the answer (416s carry the range really held). */
    public OciError withHeader(String name, String value) {
        return new OciError(status, code, getMessage(), detail, wwwAuthenticate, name, value);
    }

    public int status() { return status; }
    public String code() { return code; }
    public JsonNode detail() { return detail; }
    public String wwwAuthenticate() { return wwwAuthenticate; }
    public String headerName() { return headerName; }
    public String headerValue() { return headerValue; }

    // ---- the spec's codes, with the messages distribution uses

    public static OciError blobUnknown(String digest) {
        return of(404, "BLOB_UNKNOWN", "blob unknown to registry").withDetail(text(digest));
    }

    public static OciError uploadUnknown() {
        return of(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
    }

    public static OciError uploadInvalid(String why) {
        return of(400, "BLOB_UPLOAD_INVALID", "blob upload invalid: " + why);
    }

    public static OciError digestInvalid(String why) {
        return of(400, "DIGEST_INVALID", "provided digest did not match uploaded content: " + why);
    }

    public static OciError manifestBlobUnknown(String digest) {
        return of(400, "MANIFEST_BLOB_UNKNOWN", "manifest references a manifest or blob unknown to registry: " + digest)
                .withDetail(text(digest));
    }

    public static OciError manifestInvalid(String why) {
        return of(400, "MANIFEST_INVALID", "manifest invalid: " + why);
    }

    public static OciError manifestUnknown(String reference) {
        return of(404, "MANIFEST_UNKNOWN", "manifest unknown: " + reference);
    }

    public static OciError nameInvalid(String name) {
        return of(400, "NAME_INVALID", "invalid repository name: " + name);
    }

    public static OciError nameUnknown(String name) {
        return of(404, "NAME_UNKNOWN", "repository name not known to registry").withDetail(text(name));
    }

    public static OciError sizeInvalid(String why) {
        return of(400, "SIZE_INVALID", "provided length did not match content length: " + why);
    }

    public static OciError tagInvalid(String tag) {
        return of(400, "TAG_INVALID", "manifest tag did not match URI: invalid tag " + tag);
    }

    public static OciError unsupported(String what) {
        return of(405, "UNSUPPORTED", "The operation is unsupported: " + what);
    }

    /** A write, delete or read that the changeable attributes forbid (acr.md §5.8). */
    public static OciError disallowed() {
        return of(403, "DENIED", "The operation is disallowed on this registry, repository or image.");
    }

    public static OciError rangeInvalid(long size) {
        return of(416, "BLOB_UPLOAD_INVALID", "requested range not satisfiable").withHeader("Range", "0-" + Math.max(0, size - 1));
    }

    private static JsonNode text(String s) {
        return s == null ? null : com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
    }
}
