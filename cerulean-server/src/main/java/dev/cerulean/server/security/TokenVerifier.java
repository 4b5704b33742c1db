package dev.cerulean.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.store.IdentityStore;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Turns an {@code Authorization} header into a {@link Principal}, or throws the surface's error
 * for why it cannot (shared/reference/arm.md §6, entra.md §6 "ARM validation to mirror"): a
 * Cerulean-signed RS256 token with a known key, not a refresh token, inside its lifetime (5 minutes
 * of clock skew on {@code nbf}), for one of the accepted audiences, from a known tenant's v1 or v2
 * issuer, naming an {@code oid}. The subscription-tenant check belongs to the ARM pipeline.
 * Successes are cached by token string until the token expires.
 */
public final class TokenVerifier {

    private static final Duration NOT_BEFORE_SKEW = Duration.ofMinutes(5);
    private static final int CACHE_CAPACITY = 10_000;
    private static final String MISSING_OID =
            "The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should "
                    + "be present. If you are accessing as application please make sure service principal is "
                    + "properly created in the tenant.";

    private final VerificationKeys keys;
    private final IdentityStore identities;
    private final Predicate<String> audiences;
    private final TokenFailures failures;
    private final Clock clock;
    private final VerificationCache<Principal> cache = new VerificationCache<>(CACHE_CAPACITY, Principal::expiresAt);
    /** Tenants are never deleted, so a tenant once found stays trusted without another store read. */
    private final Set<String> knownTenants = ConcurrentHashMap.newKeySet();

    public TokenVerifier(VerificationKeys keys, IdentityStore identities, List<String> audiences,
                         TokenFailures failures, Clock clock) {
        this(keys, identities, Set.copyOf(audiences)::contains, failures, clock);
    }

    /** @param audiences which {@code aud} values this surface accepts */
    public TokenVerifier(VerificationKeys keys, IdentityStore identities, Predicate<String> audiences,
                         TokenFailures failures, Clock clock) {
        this.keys = keys;
        this.identities = identities;
        this.audiences = audiences;
        this.failures = failures;
        this.clock = clock;
    }

    /** The verifier ARM uses: the four ARM audiences, ARM's error codes. */
    public static TokenVerifier forArm(VerificationKeys keys, IdentityStore identities, Clock clock) {
        return new TokenVerifier(keys, identities, ArmErrors.ARM_AUDIENCES, TokenFailures.ARM, clock);
    }

    /**
     * The verifier Microsoft Graph uses: Graph's audiences (graph-rbac.md §1.1: the URI with or
     * without trailing slash and Graph's app id), plus {@code https://<loopback host>[:port]/graph[/]},
     * which a custom cloud registered with {@code --endpoint-microsoft-graph-resource-id} asks tokens for.
     */
    public static TokenVerifier forGraph(VerificationKeys keys, IdentityStore identities, Clock clock) {
        return new TokenVerifier(keys, identities, TokenVerifier::isGraphAudience, TokenFailures.GRAPH, clock);
    }

    public static final List<String> GRAPH_AUDIENCES = List.of("https://graph.microsoft.com",
            "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000");
    private static final java.util.regex.Pattern LOCAL_GRAPH_AUDIENCE =
            java.util.regex.Pattern.compile("https://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?/graph/?",
                    java.util.regex.Pattern.CASE_INSENSITIVE);

    static boolean isGraphAudience(String audience) {
        return GRAPH_AUDIENCES.contains(audience) || LOCAL_GRAPH_AUDIENCE.matcher(audience).matches();
    }

    public Principal verify(String authorizationHeaderValue) {
        Instant now = clock.instant();
        // The cache is keyed by "Bearer <token>": the header as every client sends it, so the usual
        // request is one lookup with no copy of the token (a header in another form is normalised first).
        boolean usualForm = authorizationHeaderValue != null && authorizationHeaderValue.startsWith(BEARER_PREFIX);
        if (usualForm) {
            Principal cached = cache.get(authorizationHeaderValue, now);
            if (cached != null) {
                return cached;
            }
        }
        String token = bearerToken(authorizationHeaderValue);
        boolean alreadyLookedUp = usualForm && authorizationHeaderValue.length() == BEARER_PREFIX.length() + token.length();
        String key = alreadyLookedUp ? authorizationHeaderValue : BEARER_PREFIX + token;
        if (!alreadyLookedUp) {
            Principal cached = cache.get(key, now);
            if (cached != null) {
                return cached;
            }
        }
        Principal principal = verifyUncached(token, now);
        cache.put(key, principal, now);
        return principal;
    }

    private static final String BEARER_PREFIX = "Bearer ";

    private String bearerToken(String header) {
        if (header == null || header.isBlank()) {
            throw failures.missing();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw failures.malformedHeader();
        }
        String token = value.substring(space + 1).strip();
        if (token.isEmpty() || token.indexOf(' ') >= 0) {
            throw failures.malformedHeader();
        }
        return token;
    }

    private Principal verifyUncached(String token, Instant now) {
        SignedJWT jwt = parse(token);
        checkSignature(jwt);
        JWTClaimsSet claims = claims(jwt);
        if (TokenKinds.REFRESH_TOKEN_USE.equals(claims.getClaim(TokenKinds.TOKEN_USE_CLAIM))) {
            throw failures.invalid("A refresh token cannot be used as an access token.");
        }
        Instant expiry = checkLifetime(claims, now);
        String audience = checkAudience(claims);
        String tenantId = checkIssuer(claims);
        return principal(claims, tenantId, audience, expiry);
    }

    private SignedJWT parse(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw failures.invalid("The token is not a well-formed signed JWT.");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw failures.invalid("The token is signed with '" + jwt.getHeader().getAlgorithm()
                    + "'; only RS256 is accepted.");
        }
        JOSEObjectType type = jwt.getHeader().getType();
        if (type != null && TokenKinds.REFRESH_TOKEN_TYPE.equals(type.getType())) {
            throw failures.invalid("A refresh token cannot be used as an access token.");
        }
        return jwt;
    }

    private void checkSignature(SignedJWT jwt) {
        String keyId = jwt.getHeader().getKeyID();
        Optional<JWSVerifier> verifier = keyId == null ? Optional.empty() : keys.verifier(keyId);
        if (verifier.isEmpty()) {
            throw failures.invalid("The token's signing key '" + keyId + "' is not known to this issuer.");
        }
        boolean valid;
        try {
            valid = jwt.verify(verifier.get());
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw failures.invalid("The token signature could not be verified.");
        }
    }

    private JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw failures.invalid("The token's claims are not a JSON object.");
        }
    }

    private Instant checkLifetime(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw failures.invalid("The token has no 'exp' claim.");
        }
        Instant expiry = exp.toInstant();
        if (!now.isBefore(expiry)) {
            throw failures.expired(expiry, now);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(NOT_BEFORE_SKEW))) {
            throw failures.invalid("The token is not valid before '" + nbf.toInstant() + "'.");
        }
        return expiry;
    }

    private String checkAudience(JWTClaimsSet claims) {
        List<String> tokenAudiences = claims.getAudience();
        for (String audience : tokenAudiences) {
            if (audiences.test(audience)) {
                return audience;
            }
        }
        throw failures.wrongAudience(String.join(",", tokenAudiences));
    }

    private String checkIssuer(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        String tenantId = stringClaim(claims, "tid");
        boolean wellFormed = tenantId != null && issuer != null
                && (issuer.equals(TokenKinds.v1Issuer(tenantId)) || issuer.equals(TokenKinds.v2Issuer(tenantId)));
        if (!wellFormed || !isKnownTenant(tenantId)) {
            throw failures.invalid("The token issuer '" + issuer + "' is not trusted.");
        }
        return tenantId;
    }

    private boolean isKnownTenant(String tenantId) {
        if (knownTenants.contains(tenantId)) {
            return true;
        }
        if (identities.tenant(tenantId).isPresent()) {
            knownTenants.add(tenantId);
            return true;
        }
        return false;
    }

    private Principal principal(JWTClaimsSet claims, String tenantId, String audience, Instant expiry) {
        String objectId = stringClaim(claims, "oid");
        if (objectId == null || objectId.isEmpty()) {
            throw failures.invalid(MISSING_OID);
        }
        String appId = firstNonNull(stringClaim(claims, "appid"), stringClaim(claims, "azp"));
        String upn = firstNonNull(stringClaim(claims, "upn"), stringClaim(claims, "preferred_username"),
                stringClaim(claims, "unique_name"));
        boolean application = "app".equals(stringClaim(claims, "idtyp")) || upn == null;
        return application
                ? new Principal(tenantId, appId, objectId, null, appId, "Application", audience, expiry)
                : new Principal(tenantId, appId, objectId, upn, upn, "User", audience, expiry);
    }

    /** A claim as a string, or null when absent or of another JSON type (a forged token may put anything there). */
    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** For tests and metrics: how many verified tokens are held. */
    int cachedCount() {
        return cache.size();
    }
}
