package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.entra.keys.SigningKey;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.server.security.TokenKinds;
import dev.cerulean.server.http.Exchange;

/**
 * The JWKS documents (entra.md §3): {@code kty}, {@code use}, {@code kid}, {@code x5t} (equal to
 * {@code kid}, the certificate thumbprint), {@code n}, {@code e}, {@code x5c}; v2 entries also name
 * their {@code issuer} ({@code {tenantid}} placeholder on {@code common}).
 */
final class KeySetDocument {

    private final TenantDirectory tenants;
    private final SigningKeys keys;

    KeySetDocument(TenantDirectory tenants, SigningKeys keys) {
        this.tenants = tenants;
        this.keys = keys;
    }

    void v2(Exchange ctx) {
        AuthorityTenant authority = tenants.resolveForMetadata(ctx.pathParam("tenant"));
        String tenant = authority.isSpecific() ? authority.tenant().tenantId() : "{tenantid}";
        JsonAnswer.send(ctx, document(TokenKinds.v2Issuer(tenant)));
    }

    void v1(Exchange ctx) {
        tenants.resolveForMetadata(ctx.pathParam("tenant"));
        JsonAnswer.send(ctx, document(null));
    }

    void adfs(Exchange ctx) {
        JsonAnswer.send(ctx, document(null));
    }

    private ObjectNode document(String issuer) {
        ObjectNode doc = Json.object();
        ArrayNode entries = doc.putArray("keys");
        for (SigningKey key : keys.published()) {
            RSAKey jwk = key.publicJwk();
            ObjectNode entry = entries.addObject()
                    .put("kty", "RSA")
                    .put("use", "sig")
                    .put("kid", key.keyId())
                    .put("x5t", key.keyId())
                    .put("n", jwk.getModulus().toString())
                    .put("e", jwk.getPublicExponent().toString());
            ArrayNode chain = entry.putArray("x5c");
            for (Base64 certificate : jwk.getX509CertChain()) {
                chain.add(certificate.toString());
            }
            if (issuer != null) {
                entry.put("issuer", issuer);
            }
        }
        return doc;
    }
}
