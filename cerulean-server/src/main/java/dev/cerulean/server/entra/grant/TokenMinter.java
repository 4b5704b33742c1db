package dev.cerulean.server.entra.grant;

import dev.cerulean.server.entra.UserAccount;
import dev.cerulean.server.entra.keys.SigningKey;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.server.security.TokenKinds;
import dev.cerulean.store.Tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Mints access and ID tokens with the claims Entra puts in them (entra.md §6), signed with the
 * current key. v1 tokens (issuer {@code sts.windows.net}, {@code appid}/{@code appidacr}) unless
 * the resource wants v2 ({@link RequestedAccess#wantsV2Token()}). Nothing is stored per token.
 */
public final class TokenMinter {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** Entra's "default user role" template id, the {@code wids} of an ordinary member. */
    private static final String DEFAULT_USER_ROLE = "b79fbf4d-3ef9-4689-8143-76b194e85509";

    private final SigningKeys keys;
    private final Duration lifetime;
    private final Clock clock;

    public TokenMinter(SigningKeys keys, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The {@code expires_in} to answer: one second short of the lifetime, as Entra does (3599 for an hour). */
    public long expiresIn() {
        return Math.max(1, lifetime.getSeconds() - 1);
    }

    /** Client-credentials token: the caller is the application's service principal. */
    public MintedToken appToken(Tenant tenant, AuthenticatedClient client, RequestedAccess access) {
        long iat = clock.instant().getEpochSecond();
        long exp = iat + lifetime.getSeconds();
        String tid = tenant.tenantId();
        String objectId = client.servicePrincipal().objectId();
        Claims claims = new Claims().put("aud", access.resource());
        if (access.wantsV2Token()) {
            claims.put("iss", TokenKinds.v2Issuer(tid)).put("iat", iat).put("nbf", iat).put("exp", exp)
                    .put("aio", opaque(48)).put("azp", client.appId()).put("azpacr", client.appIdAcr())
                    .put("idtyp", "app").put("oid", objectId).put("rh", opaque(32)).put("sub", objectId)
                    .put("tid", tid).put("uti", opaque(16)).put("ver", "2.0");
        } else {
            claims.put("iss", TokenKinds.v1Issuer(tid)).put("iat", iat).put("nbf", iat).put("exp", exp)
                    .put("aio", opaque(48)).put("appid", client.appId()).put("appidacr", client.appIdAcr())
                    .put("idp", TokenKinds.v1Issuer(tid)).put("idtyp", "app").put("oid", objectId)
                    .put("rh", opaque(32)).put("sub", objectId).put("tid", tid).put("uti", opaque(16))
                    .put("ver", "1.0").put("xms_tcdt", tenantCreated(tenant));
        }
        return minted(claims, iat, exp);
    }

    /** Delegated token: the caller is {@code user}, acting through {@code client}. */
    public MintedToken userToken(Tenant tenant, UserAccount user, AuthenticatedClient client, RequestedAccess access,
                                 String clientIp) {
        long iat = clock.instant().getEpochSecond();
        long exp = iat + lifetime.getSeconds();
        String tid = tenant.tenantId();
        String sub = pairwiseSubject(tid, client.appId(), user.objectId());
        Claims claims = new Claims().put("aud", access.resource());
        if (access.wantsV2Token()) {
            claims.put("iss", TokenKinds.v2Issuer(tid)).put("iat", iat).put("nbf", iat).put("exp", exp)
                    .put("aio", opaque(48)).put("azp", client.appId()).put("azpacr", client.appIdAcr())
                    .put("idtyp", "user").put("name", user.displayName()).put("oid", user.objectId())
                    .put("preferred_username", user.userPrincipalName()).put("rh", opaque(32))
                    .put("scp", access.permissions()).put("sub", sub).put("tid", tid).put("uti", opaque(16))
                    .put("ver", "2.0");
        } else {
            claims.put("iss", TokenKinds.v1Issuer(tid)).put("iat", iat).put("nbf", iat).put("exp", exp)
                    .put("acr", "1").put("aio", opaque(48)).put("amr", List.of("pwd")).put("appid", client.appId())
                    .put("appidacr", client.appIdAcr()).put("family_name", user.surname())
                    .put("given_name", user.givenName()).put("idtyp", "user").put("ipaddr", clientIp)
                    .put("name", user.displayName()).put("oid", user.objectId()).put("puid", user.puid())
                    .put("rh", opaque(32)).put("scp", access.permissions()).put("sub", sub).put("tid", tid)
                    .put("unique_name", user.userPrincipalName()).put("upn", user.userPrincipalName())
                    .put("uti", opaque(16)).put("ver", "1.0").put("wids", List.of(DEFAULT_USER_ROLE))
                    .put("xms_tcdt", tenantCreated(tenant));
        }
        return minted(claims, iat, exp);
    }

    /**
     * The OIDC ID token of a user sign-in; {@code aud} is the client id, which MSAL checks (entra.md §5).
     * v1 endpoints get a v1-shaped one.
     */
    public String idToken(Tenant tenant, UserAccount user, AuthenticatedClient client, TokenProtocol protocol) {
        long iat = clock.instant().getEpochSecond();
        long exp = iat + lifetime.getSeconds();
        String tid = tenant.tenantId();
        String sub = pairwiseSubject(tid, client.appId(), user.objectId());
        Claims claims = new Claims().put("aud", client.appId());
        if (protocol == TokenProtocol.V1) {
            claims.put("iss", TokenKinds.v1Issuer(tid)).put("iat", iat).put("nbf", iat).put("exp", exp)
                    .put("amr", List.of("pwd")).put("family_name", user.surname()).put("given_name", user.givenName())
                    .put("name", user.displayName()).put("oid", user.objectId()).put("rh", opaque(32))
                    .put("sub", sub).put("tid", tid).put("unique_name", user.userPrincipalName())
                    .put("upn", user.userPrincipalName()).put("uti", opaque(16)).put("ver", "1.0");
        } else {
            claims.put("iss", TokenKinds.v2Issuer(tid)).put("iat", iat).put("nbf", iat).put("exp", exp)
                    .put("aio", opaque(48)).put("name", user.displayName()).put("oid", user.objectId())
                    .put("preferred_username", user.userPrincipalName()).put("rh", opaque(32)).put("sub", sub)
                    .put("tid", tid).put("uti", opaque(16)).put("ver", "2.0");
        }
        return keys.current().sign(SigningKey.Kind.ACCESS, claims.toJson());
    }

    /** MSAL's account key source: base64url {@code {"uid":oid,"utid":tid}} (entra.md §5). */
    public static String clientInfo(Tenant tenant, UserAccount user) {
        byte[] json = new Claims().put("uid", user.objectId()).put("utid", tenant.tenantId()).toJson();
        return BASE64URL.encodeToString(json);
    }

    private MintedToken minted(Claims claims, long iat, long exp) {
        String token = keys.current().sign(SigningKey.Kind.ACCESS, claims.toJson());
        return new MintedToken(token, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp));
    }

    private static long tenantCreated(Tenant tenant) {
        return tenant.createdAt() == null ? 0 : tenant.createdAt().getEpochSecond();
    }

    /**
     * Entra's user {@code sub} is pairwise: stable for one user and app, different across apps
     * (entra.md §6). A hash of tenant, app and user gives exactly that.
     */
    static String pairwiseSubject(String tenantId, String appId, String objectId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tenantId + "|" + appId + "|" + objectId).getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * Values Entra documents as opaque ({@code aio}, {@code rh}) and the per-token {@code uti}. They
     * carry no security weight (the signature does), so a fast non-cryptographic source suffices.
     */
    private static String opaque(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return BASE64URL.encodeToString(random);
    }
}
