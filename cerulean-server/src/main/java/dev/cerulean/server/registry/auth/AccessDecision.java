package dev.cerulean.server.registry.auth;

/** The registry's answer to a credential check: allowed, or refused with what goes on the wire. */
public sealed interface AccessDecision {

    /** @param subject who is acting (user name, token name, principal id, or {@code anonymous}), for logs and audit */
    record Allowed(String subject) implements AccessDecision {}

    /**
     * @param status          401 or 403
     * @param code            the OCI error code ({@code UNAUTHORIZED}, {@code DENIED})
     * @param message         the error message
     * @param wwwAuthenticate the {@code WWW-Authenticate} header to send, or null
     */
    record Refused(int status, String code, String message, String wwwAuthenticate) implements AccessDecision {}
}
