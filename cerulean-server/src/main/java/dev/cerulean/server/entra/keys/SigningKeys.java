package dev.cerulean.server.entra.keys;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import dev.cerulean.server.security.VerificationKeys;
import dev.cerulean.store.KeyValueStore;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The token-signing keys of this Cerulean installation. The key is created once, stored as a JWK
 * (private part and certificate included) in the shared {@link KeyValueStore} under
 * {@value #STORE_NAME} with insert-if-absent, so every server on one database signs with, and
 * accepts, the same key and tokens survive restarts; it is then kept in memory for good. Explicit
 * rotation (a second key published before it signs) would add entries here.
 */
public final class SigningKeys implements VerificationKeys {

    public static final String STORE_NAME = "entra.signing-key";
    private static final int RSA_BITS = 2048;

    private final SigningKey current;

    private SigningKeys(SigningKey current) {
        this.current = current;
    }

    /** Loads the stored key, creating and storing one first if there is none (or if another server just did). */
    public static SigningKeys loadOrCreate(KeyValueStore values, Clock clock) {
        return loadOrCreate(values, STORE_NAME, clock);
    }

    /** The same for another issuer's key kept under {@code storeName} (the registry signs its own tokens). */
    public static SigningKeys loadOrCreate(KeyValueStore values, String storeName, Clock clock) {
        String stored = values.get(storeName)
                .orElseGet(() -> values.putIfAbsent(storeName, generate(clock).toJSONString()));
        try {
            return new SigningKeys(new SigningKey(RSAKey.parse(stored)));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored value '" + storeName + "' is not an RSA JWK", e);
        }
    }

    /** The key new tokens are signed with. */
    public SigningKey current() {
        return current;
    }

    /** Every key a JWKS document publishes. */
    public List<SigningKey> published() {
        return List.of(current);
    }

    @Override
    public Optional<JWSVerifier> verifier(String keyId) {
        return current.keyId().equals(keyId) ? Optional.of(current.verifier()) : Optional.empty();
    }

    private static RSAKey generate(Clock clock) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every Java runtime", e);
        }
        X509Certificate certificate = SigningCertificate.selfSigned(pair, clock.instant());
        try {
            byte[] der = certificate.getEncoded();
            String thumbprint = Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der)).toString();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateCrtKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(thumbprint)
                    .x509CertChain(List.of(Base64.encode(der)))
                    .build();
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot encode the token-signing certificate", e);
        }
    }
}
