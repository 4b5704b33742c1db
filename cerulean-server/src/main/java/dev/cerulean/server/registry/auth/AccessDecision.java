package dev.cerulean.server.registry.auth;

import java.nio.charset.StandardCharsets;

/** The registry's answer to a credential check: allowed, or refused with what goes on the wire. */
public sealed interface AccessDecision {

    /** @param subject who is acting (user name, token name, principal id, or {@code anonymous}), for logs and audit */
    record Allowed(String subject) implements AccessDecision {}

    /**
     * @param status          401 or 403
     * @param code            the OCI error code ({@code UNAUTHORIZED}, {@code DENIED})
     * @param message         the error message
     * @param wwwAuthenticate the {@code WWW-Authenticate} header to send, or null
     * @param missing         what the request lacked, for the body's {@code detail}; null when nothing specific
     */
    record Refused(int status, String code, String message, String wwwAuthenticate, AccessScope missing)
            implements AccessDecision {

        public Refused(int status, String code, String message, String wwwAuthenticate) {
            this(status, code, message, wwwAuthenticate, null);
        }

        /** The response body, byte for byte as ACR writes it (acr.md §5.1): OCI errors with {@code detail}, and a newline. */
        public byte[] body() {
            return RegistryErrors.body(code, message, missing, true).getBytes(StandardCharsets.UTF_8);
        }
    }
}
