package dev.cerulean.server.entra.grant;

import java.time.Instant;

/**
 * What a grant issued, before it is written in the endpoint's number style.
 *
 * @param expiresIn    seconds the client should treat the access token as valid (lifetime minus one, as Entra does)
 * @param resource     the audience exactly as requested (echoed by v1)
 * @param scope        granted scopes, null for app tokens
 * @param refreshToken null for app tokens
 * @param idToken      null for app tokens
 * @param clientInfo   base64url {@code {"uid","utid"}}, null for app tokens
 */
public record TokenResult(String accessToken, Instant notBefore, Instant expiresOn, long expiresIn, String resource,
                          String scope, String refreshToken, String idToken, String clientInfo) {

    public static TokenResult app(MintedToken token, long expiresIn, String resource) {
        return new TokenResult(token.token(), token.issuedAt(), token.expiresAt(), expiresIn, resource,
                null, null, null, null);
    }

    @Override
    public String toString() {
        return "TokenResult[resource=" + resource + ", expiresOn=" + expiresOn + ", tokens=***]";
    }
}
