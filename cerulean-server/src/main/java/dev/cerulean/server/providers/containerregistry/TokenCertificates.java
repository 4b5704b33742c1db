package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code properties.credentials.certificates} of a token (acr.md §3.2): {@code certificate1} and
 * {@code certificate2}, sent as base64 of a PEM (or DER) X.509 certificate and answered as name,
 * expiry (the certificate's notAfter) and SHA-1 thumbprint, as the spec's TokenCreate example does.
 * Cerulean stores and shows them; it does not authenticate with them (connected registries only).
 */
final class TokenCertificates {
    private TokenCertificates() {}

    private static final List<String> NAMES = List.of("certificate1", "certificate2");

    /** The certificates to store; entries without a certificate keep what is stored under their name. */
    static ArrayNode complete(JsonNode requested, JsonNode existing) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (requested == null || requested.isNull()) return out;
        if (!requested.isArray()) {
            throw AcrErrors.invalidValue(requested.toString(), "TokenCertificate[]", "properties.credentials.certificates");
        }
        for (JsonNode c : requested) {
            String raw = LooseValues.text(c.get("name"), "properties.credentials.certificates.name");
            String name = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
            if (!NAMES.contains(name)) {
                throw AcrErrors.invalidCertificate(String.valueOf(raw), "the name must be 'certificate1' or 'certificate2'.");
            }
            String encoded = LooseValues.text(c.get("encodedPemCertificate"), "properties.credentials.certificates.encodedPemCertificate");
            if (encoded != null) {
                out.add(parse(name, encoded));
            } else if (find(existing, name) != null) {
                out.add(find(existing, name).deepCopy());
            } else if (c.hasNonNull("thumbprint")) {
                ObjectNode kept = out.addObject();
                kept.put("name", name);
                if (c.hasNonNull("expiry")) kept.put("expiry", c.get("expiry").asText());
                kept.put("thumbprint", c.get("thumbprint").asText());
            } else {
                throw AcrErrors.invalidCertificate(name, "'encodedPemCertificate' is required.");
            }
        }
        return out;
    }

    private static ObjectNode parse(String name, String encoded) {
        X509Certificate cert;
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(encoded);
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw AcrErrors.invalidCertificate(name, "'encodedPemCertificate' must be the base64 of a PEM or DER X.509 certificate.");
        }
        ObjectNode out = Json.object();
        out.put("name", name);
        out.put("expiry", AcrTimes.offsetTrimmed(cert.getNotAfter().toInstant()));
        try {
            out.put("thumbprint", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded())));
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("cannot fingerprint a parsed certificate", e);
        }
        return out;
    }

    private static JsonNode find(JsonNode list, String name) {
        if (list == null || !list.isArray()) return null;
        for (JsonNode c : list) {
            if (name.equals(c.path("name").asText())) return c;
        }
        return null;
    }
}
