package dev.cerulean.server.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretHasherTest {

    @Test
    void secretHashVerifiesTheSecretOnly() {
        String hash = SecretHasher.hashSecret("abc8Q~secret");

        assertThat(hash).matches("sha256\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
        assertThat(SecretHasher.verify("abc8Q~secret", hash)).isTrue();
        assertThat(SecretHasher.verify("abc8Q~secreT", hash)).isFalse();
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        assertThat(SecretHasher.hashSecret("s")).isNotEqualTo(SecretHasher.hashSecret("s"));
    }

    @Test
    void passwordHashIsPbkdf2WithItsIterationCount() {
        String hash = SecretHasher.hashPassword("Cerulean-Dev-Password-1");

        assertThat(hash).startsWith("pbkdf2$600000$");
        assertThat(SecretHasher.verify("Cerulean-Dev-Password-1", hash)).isTrue();
        assertThat(SecretHasher.verify("cerulean-dev-password-1", hash)).isFalse();
    }

    @Test
    void malformedStoredFormsNeverVerify() {
        assertThat(SecretHasher.verify("x", null)).isFalse();
        assertThat(SecretHasher.verify(null, SecretHasher.hashSecret("x"))).isFalse();
        assertThat(SecretHasher.verify("x", "x")).isFalse();
        assertThat(SecretHasher.verify("x", "sha256$!!$!!")).isFalse();
        assertThat(SecretHasher.verify("x", "pbkdf2$zero$AAAA$AAAA")).isFalse();
        assertThat(SecretHasher.verify("x", "md5$AAAA$AAAA")).isFalse();
    }
}
