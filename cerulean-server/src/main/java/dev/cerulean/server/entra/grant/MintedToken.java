package dev.cerulean.server.entra.grant;

import java.time.Instant;

/** A signed token with the times it was issued ({@code iat} = {@code nbf}) and expires ({@code exp}). */
public record MintedToken(String token, Instant issuedAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "MintedToken[issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
