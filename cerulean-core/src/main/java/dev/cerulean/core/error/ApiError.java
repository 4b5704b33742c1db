package dev.cerulean.core.error;

import java.util.List;
import java.util.Map;

/**
 * A client-visible failure: HTTP status, a stable code and a message, thrown anywhere and
 * written to the wire only by the error writer of the surface that received the request
 * (ARM envelope, OAuth2 error, OCI errors). Create instances only through the catalogues
 * ({@link ArmErrors}, {@link EntraErrors}) so message texts live in one place.
 */
public final class ApiError extends RuntimeException {

    /** One entry of {@code error.details} (ARM) or of the OCI {@code errors} list. */
    public record Detail(String code, String message, String target) {}

    private final int status;
    private final String code;
    private final String target;
    private final List<Detail> details;
    private final List<Integer> numericCodes;
    private final Map<String, String> headers;

    private ApiError(int status, String code, String message, String target, List<Detail> details,
                     List<Integer> numericCodes, Map<String, String> headers) {
        super(message, null, false, false); // no stack trace: these are expected outcomes, not faults
        this.status = status;
        this.code = code;
        this.target = target;
        this.details = List.copyOf(details);
        this.numericCodes = List.copyOf(numericCodes);
        this.headers = Map.copyOf(headers);
    }

    public static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, null, List.of(), List.of(), Map.of());
    }

    public ApiError withTarget(String newTarget) {
        return new ApiError(status, code, getMessage(), newTarget, details, numericCodes, headers);
    }

    public ApiError withDetails(List<Detail> newDetails) {
        return new ApiError(status, code, getMessage(), target, newDetails, numericCodes, headers);
    }

    /** Numeric sub-codes, e.g. the AADSTS numbers of an Entra error. */
    public ApiError withNumericCodes(List<Integer> codes) {
        return new ApiError(status, code, getMessage(), target, details, codes, headers);
    }

    /** A response header that belongs to this error, e.g. {@code WWW-Authenticate} on a 401. */
    public ApiError withHeader(String name, String value) {
        var merged = new java.util.LinkedHashMap<>(headers);
        merged.put(name, value);
        return new ApiError(status, code, getMessage(), target, details, numericCodes, merged);
    }

    public int status() { return status; }
    public String code() { return code; }
    public String message() { return getMessage(); }
    public String target() { return target; }
    public List<Detail> details() { return details; }
    public List<Integer> numericCodes() { return numericCodes; }
    public Map<String, String> headers() { return headers; }

    @Override
    public String toString() {
        return "ApiError[" + status + " " + code + ": " + getMessage() + "]";
    }
}
