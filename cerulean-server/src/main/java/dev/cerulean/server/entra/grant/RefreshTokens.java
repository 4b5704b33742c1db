package dev.cerulean.server.entra.grant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.entra.UserAccount;
import dev.cerulean.server.entra.keys.SigningKey;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.server.security.TokenKinds;
import dev.cerulean.store.Tenant;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cerulean's refresh tokens. Real Entra's are opaque; ours are signed JWTs so that no server has to
 * store them and every server sharing the signing key can redeem them. They are bound to tenant,
 * user and client, live 90 days (entra.md §6) and are marked with their own header {@code typ}
 * and {@code token_use} claim ({@link TokenKinds}) so they can never pass as access tokens. As in
 * Entra, redeeming one returns a new one and does not revoke the old.
 */
public final class RefreshTokens {

    static final Duration LIFETIME = Duration.ofDays(90);

    private final SigningKeys keys;
    private final Clock clock;

    public RefreshTokens(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public String issue(Tenant tenant, UserAccount user, String clientId, String resource) {
        long iat = clock.instant().getEpochSecond();
        byte[] claims = new Claims()
                .put("iss", TokenKinds.v1Issuer(tenant.tenantId()))
                .put(TokenKinds.TOKEN_USE_CLAIM, TokenKinds.REFRESH_TOKEN_USE)
                .put("tid", tenant.tenantId())
                .put("oid", user.objectId())
                .put("upn", user.userPrincipalName())
                .put("appid", clientId)
                .put("resource", resource)
                .put("iat", iat)
                .put("exp", iat + LIFETIME.getSeconds())
                .put("uti", Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .toJson();
        return keys.current().sign(SigningKey.Kind.REFRESH, claims);
    }

    /** The claims of a refresh token this installation issued, or {@code invalid_grant} 9002313 / 700082. */
    public RefreshTokenClaims read(String token) {
        JWTClaimsSet claims = verified(token).orElseThrow(EntraErrors::invalidRefreshToken);
        String tenantId = string(claims, "tid");
        String objectId = string(claims, "oid");
        String upn = string(claims, "upn");
        String clientId = string(claims, "appid");
        Date issued = claims.getIssueTime();
        Date expiry = claims.getExpirationTime();
        if (!TokenKinds.REFRESH_TOKEN_USE.equals(claims.getClaim(TokenKinds.TOKEN_USE_CLAIM)) || tenantId == null
                || objectId == null || upn == null || clientId == null || issued == null || expiry == null) {
            throw EntraErrors.invalidRefreshToken();
        }
        if (!clock.instant().isBefore(expiry.toInstant())) {
            throw EntraErrors.expiredRefreshToken(Json.armTime(issued.toInstant()), LIFETIME.toDays() + ".00:00:00");
        }
        return new RefreshTokenClaims(tenantId, objectId, upn, clientId, string(claims, "resource"),
                issued.toInstant());
    }

    private Optional<JWTClaimsSet> verified(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JOSEObjectType type = jwt.getHeader().getType();
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || type == null
                    || !TokenKinds.REFRESH_TOKEN_TYPE.equals(type.getType()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<JWSVerifier> verifier = keys.verifier(jwt.getHeader().getKeyID());
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) {
                return Optional.empty();
            }
            return Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }
}
