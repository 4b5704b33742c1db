package dev.cerulean.server.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecretGeneratorTest {

    @Test
    void clientSecretHasEntraShape() {
        assertThat(SecretGenerator.clientSecret()).hasSize(40).matches("[A-Za-z0-9]{3}8Q~[A-Za-z0-9_~.-]{34}");
    }

    @Test
    void clientSecretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(SecretGenerator.clientSecret());
        }
        assertThat(seen).hasSize(1000);
    }
}
