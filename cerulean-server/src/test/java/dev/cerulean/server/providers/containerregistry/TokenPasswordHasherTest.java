package dev.cerulean.server.providers.containerregistry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Salted SHA-256 hashes of token passwords. */
class TokenPasswordHasherTest {

    private final TokenPasswordHasher hasher = new TokenPasswordHasher();

    @Test
    void verifiesTheHashedSecret() {
        assertThat(hasher.verify("SgnwGJ6aiW+/lKQnKWIX1LdqFN18QqQ9", hasher.hash("SgnwGJ6aiW+/lKQnKWIX1LdqFN18QqQ9"))).isTrue();
    }

    @Test
    void refusesAnyOtherSecret() {
        String hash = hasher.hash("SgnwGJ6aiW+/lKQnKWIX1LdqFN18QqQ9");
        assertThat(hasher.verify("SgnwGJ6aiW+/lKQnKWIX1LdqFN18QqQ8", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void neverContainsTheSecret() {
        assertThat(hasher.hash("SgnwGJ6aiW+/lKQnKWIX1LdqFN18QqQ9")).doesNotContain("SgnwGJ6aiW").startsWith("sha256$");
    }

    @Test
    void malformedHashesVerifyNothing() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "x")).isFalse();
        assertThat(hasher.verify("x", "sha256$!!$!!")).isFalse();
        assertThat(hasher.verify("x", "md5$AAAA$AAAA")).isFalse();
    }
}
