package dev.cerulean.server.entra.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.entra.InMemoryKeyValueStore;
import dev.cerulean.server.security.RsaProvider;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SigningKeysTest {

    private static final byte[] CLAIMS = "{\"aud\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void keyPersistsAcrossTwoStartsOnOneStore() throws Exception {
        InMemoryKeyValueStore values = new InMemoryKeyValueStore();
        SigningKeys first = SigningKeys.loadOrCreate(values, Clock.systemUTC());
        SigningKeys second = SigningKeys.loadOrCreate(values, Clock.systemUTC());

        assertThat(second.current().keyId()).isEqualTo(first.current().keyId());
        SignedJWT token = SignedJWT.parse(first.current().sign(SigningKey.Kind.ACCESS, CLAIMS));
        assertThat(token.verify(second.verifier(token.getHeader().getKeyID()).orElseThrow())).isTrue();
    }

    @Test
    void separateStoresHaveSeparateKeys() {
        SigningKeys one = SigningKeys.loadOrCreate(new InMemoryKeyValueStore(), Clock.systemUTC());
        SigningKeys other = SigningKeys.loadOrCreate(new InMemoryKeyValueStore(), Clock.systemUTC());

        assertThat(one.current().keyId()).isNotEqualTo(other.current().keyId());
        assertThat(one.verifier(other.current().keyId())).isEmpty();
    }

    @Test
    void storedValueIsAPrivateJwkWithCertificate() {
        InMemoryKeyValueStore values = new InMemoryKeyValueStore();
        SigningKeys keys = SigningKeys.loadOrCreate(values, Clock.systemUTC());
        JsonNode stored = Json.parse(values.get(SigningKeys.STORE_NAME).orElseThrow());

        assertThat(stored.get("kty").asText()).isEqualTo("RSA");
        assertThat(stored.has("d")).isTrue();
        assertThat(stored.get("kid").asText()).isEqualTo(keys.current().keyId());
        assertThat(stored.get("x5c").size()).isEqualTo(1);
        assertThat(keys.current().publicJwk().isPrivate()).isFalse();
        assertThat(keys.current().publicJwk().getModulus().decode().length * 8).isEqualTo(2048);
    }

    @Test
    void signedTokensCarryTheEntraHeader() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(new InMemoryKeyValueStore(), Clock.systemUTC());
        SignedJWT access = SignedJWT.parse(keys.current().sign(SigningKey.Kind.ACCESS, CLAIMS));
        SignedJWT refresh = SignedJWT.parse(keys.current().sign(SigningKey.Kind.REFRESH, CLAIMS));

        assertThat(access.getHeader().toJSONObject()).containsOnlyKeys("typ", "alg", "x5t", "kid");
        assertThat(access.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(access.getHeader().getKeyID()).isEqualTo(keys.current().keyId());
        assertThat(refresh.getHeader().getType().getType()).isEqualTo("rt+jwt");
        assertThat(access.getJWTClaimsSet().getAudience()).containsExactly("x");
    }

    @Test
    void tokensSignedWithTheProvidersOwnKeyVerifyWithTheJdkAndTamperingIsCaught() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(new InMemoryKeyValueStore(), Clock.systemUTC());
        String token = keys.current().sign(SigningKey.Kind.ACCESS, CLAIMS);
        // the JDK's own provider and key objects, independent of the native ones the key signs with
        RSASSAVerifier jdk = new RSASSAVerifier(keys.current().publicJwk());
        assertThat(SignedJWT.parse(token).verify(jdk)).isTrue();

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"aud\":\"y\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(SignedJWT.parse(forged).verify(keys.verifier(keys.current().keyId()).orElseThrow())).isFalse();
        assertThat(SignedJWT.parse(token).verify(keys.verifier(keys.current().keyId()).orElseThrow())).isTrue();
    }

    @Test
    void newKeysComeFromTheNativeProviderWhenItLoads() {
        assumeTrue(RsaProvider.orNull() != null, "ACCP's native library does not load here");
        KeyPair pair = SigningKeys.newKeyPair();

        assertThat(pair.getPrivate().getClass().getName()).startsWith("com.amazon.corretto");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        assertThat(key.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(key.getPrimeP().multiply(key.getPrimeQ())).isEqualTo(key.getModulus());
    }

    @Test
    void aStoredKeyIsReadBackAndVerifiedByTheJdkAlone() throws Exception {
        InMemoryKeyValueStore values = new InMemoryKeyValueStore();
        SigningKeys made = SigningKeys.loadOrCreate(values, Clock.systemUTC());
        RSAKey stored = RSAKey.parse(values.get(SigningKeys.STORE_NAME).orElseThrow());

        // the stored private key signs with the JDK's provider, and the certificate's key is the JWK's
        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initSign(stored.toRSAPrivateKey());
        jdk.update(CLAIMS);
        byte[] signature = jdk.sign();
        jdk.initVerify(stored.toRSAPublicKey());
        jdk.update(CLAIMS);
        assertThat(jdk.verify(signature)).isTrue();
        assertThat(stored.getParsedX509CertChain().get(0).getPublicKey()).isEqualTo(stored.toRSAPublicKey());
        assertThat(stored.toPublicJWK()).isEqualTo(made.current().publicJwk());
    }
}
