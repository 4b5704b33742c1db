package dev.cerulean.server.security;

import com.nimbusds.jose.JWSVerifier;

import java.util.Optional;

/** The public halves of the token-signing keys, looked up by the {@code kid} a token names. */
public interface VerificationKeys {

    Optional<JWSVerifier> verifier(String keyId);
}
