package dev.cerulean.server.security;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import java.security.MessageDigest;
import java.security.Signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TlsCipherProviderTest {

    @Test
    void aesGcmComesFromAccpAndNothingElseChangesProvider() throws Exception {
        assumeTrue(RsaProvider.orNull() != null, "ACCP's native library does not load here");
        assertThat(TlsCipherProvider.install()).isTrue();
        assertThat(TlsCipherProvider.install()).as("idempotent").isTrue();
        assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider()).isSameAs(RsaProvider.orNull());
        assertThat(Cipher.getInstance("AES/CBC/PKCS5Padding").getProvider().getName()).isEqualTo("SunJCE");
        assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo("SUN");
        assertThat(Signature.getInstance("SHA256withRSA").getProvider().getName()).isNotEqualTo(TlsCipherProvider.NAME);
    }
}
