package dev.cerulean.server.entra.keys;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import dev.cerulean.server.security.RsaProvider;
import dev.cerulean.server.security.VerificationKeys;
import dev.cerulean.store.KeyValueStore;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
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
        return loadOrCreate(values, STORE_NAME, () -> generate(clock).toJSONString());
    }

    /** The same for another issuer's key kept under {@code storeName} (the registry signs its own tokens). */
    public static SigningKeys loadOrCreate(KeyValueStore values, String storeName, Clock clock) {
        return loadOrCreate(values, storeName, () -> generate(clock).toJSONString());
    }

    /**
     * Like {@link #loadOrCreate(KeyValueStore, Clock)} with the new key coming from {@code fresh}, e.g. a
     * {@link #generateAhead} started before the store was open (RSA key generation is most of a first start).
     */
    public static SigningKeys loadOrCreate(KeyValueStore values, java.util.function.Supplier<String> fresh) {
        return loadOrCreate(values, STORE_NAME, fresh);
    }

    private static SigningKeys loadOrCreate(KeyValueStore values, String storeName, java.util.function.Supplier<String> fresh) {
        String stored = values.get(storeName).orElseGet(() -> values.putIfAbsent(storeName, fresh.get()));
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

    /** A new key (as stored: its JWK JSON), generated on another thread. */
    public static java.util.concurrent.CompletableFuture<String> generateAhead(Clock clock) {
        java.util.concurrent.CompletableFuture<String> key = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                key.complete(generate(clock).toJSONString());
            } catch (Throwable e) {
                key.completeExceptionally(e);
            }
        }, "cerulean-keygen");
        t.setDaemon(true);
        t.start();
        return key;
    }

    private static RSAKey generate(Clock clock) {
        KeyPair pair = newKeyPair();
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

    /**
     * A new RSA-2048 pair, from ACCP when it loads: the JDK's prime search on a cold JVM takes
     * 260-720 ms and keeps C2 busy compiling BigInteger on the first start's two cores; AWS-LC's takes
     * tens of ms. The pair is stored as a JWK, so later starts read it whichever provider made it;
     * the JDK makes it when ACCP is absent, or if ACCP's key lacks the CRT form a JWK needs.
     */
    static KeyPair newKeyPair() {
        Provider accp = RsaProvider.orNull();
        if (accp != null) {
            try {
                KeyPair pair = generated(KeyPairGenerator.getInstance("RSA", accp));
                if (pair.getPrivate() instanceof RSAPrivateCrtKey) return pair;
            } catch (NoSuchAlgorithmException e) {
                // not in this ACCP build: the JDK's below
            }
        }
        try {
            return generated(KeyPairGenerator.getInstance("RSA"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every Java runtime", e);
        }
    }

    private static KeyPair generated(KeyPairGenerator generator) {
        generator.initialize(RSA_BITS);
        return generator.generateKeyPair();
    }
}
