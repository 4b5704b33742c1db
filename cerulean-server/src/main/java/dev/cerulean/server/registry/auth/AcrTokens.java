package dev.cerulean.server.registry.auth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.entra.keys.SigningKey;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.server.security.VerificationCache;
import dev.cerulean.store.KeyValueStore;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * ACR's refresh and access tokens (acr.md §5.6): RS256 JWTs with {@code typ: JWT} and {@code kid},
 * issuer {@code Azure Container Registry}, audience the login server; refresh tokens live 3 hours
 * (what {@code az acr login} promises), access tokens 75 minutes.
 *
 * <p>They are signed with a registry key of their own, not Entra's: created on first use (servers
 * that never see a registry login pay nothing), kept in the shared {@link KeyValueStore} under
 * {@value #STORE_NAME} so every server on one database and every restart accepts them, and never
 * published in Entra's JWKS. Separate keys keep the two token families apart even if a claim check
 * were ever wrong: no registry token verifies as an Entra token, and the reverse.
 */
public final class AcrTokens {

    public static final String STORE_NAME = "registry.signing-key";
    static final String ISSUER = "Azure Container Registry";
    static final String REFRESH_GRANT = "refresh_token";
    static final String ACCESS_GRANT = "access_token";
    static final Duration REFRESH_LIFETIME = Duration.ofHours(3);
    static final Duration ACCESS_LIFETIME = Duration.ofMinutes(75);
    private static final Duration NOT_BEFORE_SKEW = Duration.ofMinutes(5);

    private final KeyValueStore values;
    private final Clock clock;
    private final VerificationCache<AcrTokenClaims> verified = new VerificationCache<>(10_000, AcrTokenClaims::expiresAt);
    private volatile SigningKeys keys;

    public AcrTokens(KeyValueStore values, Clock clock) {
        this.values = values;
        this.clock = clock;
    }

    private SigningKeys keys() {
        SigningKeys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) keys = SigningKeys.loadOrCreate(values, STORE_NAME, clock);
                k = keys;
            }
        }
        return k;
    }

    /** A refresh token for an Entra identity, from {@code /oauth2/exchange}. */
    String refreshToken(String loginServer, EntraIdentity who, List<String> permissions) {
        ObjectNode claims = common(loginServer, who.subject(), REFRESH_GRANT, REFRESH_LIFETIME);
        claims.put("tenant", who.tenantId());
        ObjectNode granted = claims.putObject("permissions");
        permissions.forEach(granted.putArray("actions")::add);
        granted.putArray("notActions");
        claims.putArray("roles");
        claims.put("oid", who.objectId());
        credential(claims, CredentialRef.of(CredentialRef.ENTRA, who.objectId()));
        return sign(claims);
    }

    /** An access token granting {@code access}, issued against {@code credential}. */
    String accessToken(String loginServer, String subject, CredentialRef credential, EntraIdentity entra,
                       List<AccessScope> access) {
        ObjectNode claims = common(loginServer, subject, ACCESS_GRANT, ACCESS_LIFETIME);
        claims.putArray("roles");
        ArrayNode list = claims.putArray("access");
        for (AccessScope s : access) {
            ObjectNode entry = list.addObject().put("type", s.type()).put("name", s.name());
            s.actions().forEach(entry.putArray("actions")::add);
        }
        if (entra != null) {
            claims.put("tenant", entra.tenantId());
            claims.put("oid", entra.objectId());
        }
        credential(claims, credential);
        return sign(claims);
    }

    private ObjectNode common(String loginServer, String subject, String grantType, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = Json.object();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sub", subject);
        claims.put("nbf", now);
        claims.put("exp", now + lifetime.getSeconds());
        claims.put("iat", now);
        claims.put("iss", ISSUER);
        claims.put("aud", loginServer.toLowerCase(Locale.ROOT));
        claims.put("version", "1.0");
        claims.put("grant_type", grantType);
        return claims;
    }

    private static void credential(ObjectNode claims, CredentialRef c) {
        claims.putObject("credential").put("kind", c.kind()).put("name", c.name()).put("slot", c.slot())
                .put("created", c.slotCreated());
    }

    private String sign(ObjectNode claims) {
        return keys().current().sign(SigningKey.Kind.ACCESS, Json.writeBytes(claims));
    }

    /**
     * The claims of a token this registry issued for {@code loginServer}: our key and a valid RS256
     * signature, our issuer, inside its lifetime, that audience. Empty for anything else; the wire
     * answer is the same 401 whatever the reason.
     */
    Optional<AcrTokenClaims> verify(String token, String loginServer) {
        if (token == null || token.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        AcrTokenClaims claims = verified.get(token, now);
        if (claims == null) {
            claims = verifyUncached(token, now);
            if (claims == null) return Optional.empty();
            verified.put(token, claims, now);
        }
        return claims.audience().equalsIgnoreCase(loginServer) ? Optional.of(claims) : Optional.empty();
    }

    private AcrTokenClaims verifyUncached(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) return null;
            Optional<JWSVerifier> verifier = keys().verifier(jwt.getHeader().getKeyID());
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) return null;
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date exp = c.getExpirationTime();
            Date nbf = c.getNotBeforeTime();
            if (exp == null || !now.isBefore(exp.toInstant())) return null;
            if (nbf != null && nbf.toInstant().isAfter(now.plus(NOT_BEFORE_SKEW))) return null;
            if (!ISSUER.equals(c.getIssuer()) || c.getAudience().size() != 1) return null;
            String grant = c.getStringClaim("grant_type");
            if (!REFRESH_GRANT.equals(grant) && !ACCESS_GRANT.equals(grant)) return null;
            CredentialRef credential = credential(c.getJSONObjectClaim("credential"));
            if (credential == null) return null;
            return new AcrTokenClaims(c.getSubject(), grant, c.getAudience().get(0), c.getStringClaim("tenant"),
                    c.getStringClaim("oid"), credential, access(c.getClaim("access")), exp.toInstant());
        } catch (ParseException | JOSEException | IllegalStateException | ClassCastException malformed) {
            return null;
        }
    }

    private static CredentialRef credential(Map<String, Object> c) {
        if (c == null || !(c.get("kind") instanceof String kind) || !(c.get("name") instanceof String name)) return null;
        String slot = c.get("slot") instanceof String s ? s : "";
        long created = c.get("created") instanceof Number n ? n.longValue() : 0;
        return new CredentialRef(kind, name, slot, created);
    }

    private static List<AccessScope> access(Object claim) {
        List<AccessScope> out = new ArrayList<>();
        if (!(claim instanceof List<?> entries)) return out;
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> m) || !(m.get("type") instanceof String type) || !(m.get("name") instanceof String name)) {
                continue;
            }
            List<String> actions = new ArrayList<>();
            if (m.get("actions") instanceof List<?> list) {
                for (Object a : list) if (a instanceof String s) actions.add(s);
            }
            out.add(new AccessScope(type, name, actions));
        }
        return out;
    }
}
