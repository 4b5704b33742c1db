package dev.cerulean.server.security;

/**
 * How Cerulean marks the tokens it signs, shared by the minting side (Entra) and
 * {@link TokenVerifier}. Refresh tokens are signed with the same key as access tokens, so they
 * carry a different header {@code typ} and a {@code token_use} claim that the verifier refuses:
 * a refresh token can never be presented as an access token.
 */
public final class TokenKinds {
    private TokenKinds() {}

    /** Header {@code typ} of access and ID tokens, as Entra writes it. */
    public static final String ACCESS_TOKEN_TYPE = "JWT";
    /** Header {@code typ} of Cerulean refresh tokens (real Entra's are opaque). */
    public static final String REFRESH_TOKEN_TYPE = "rt+jwt";
    /** Claim naming what a Cerulean-only token is for. */
    public static final String TOKEN_USE_CLAIM = "token_use";
    public static final String REFRESH_TOKEN_USE = "refresh";

    /** The two issuer forms Entra writes for a tenant: v1 ({@code sts.windows.net}) and v2. */
    public static String v1Issuer(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    public static String v2Issuer(String tenantId) {
        return "https://login.microsoftonline.com/" + tenantId + "/v2.0";
    }
}
