package dev.cerulean.server.entra.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import dev.cerulean.server.security.TokenKinds;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One RSA token-signing key with its certificate, ready to sign: the signer, the verifier and the
 * base64url-encoded JWS headers are built once, so signing a token is one JSON encoding, one
 * base64url pass and one RSA operation. Header shape per entra.md §6:
 * {@code {"typ":"JWT","alg":"RS256","x5t":kid,"kid":kid}}, where {@code kid} is the certificate's
 * SHA-1 thumbprint.
 */
public final class SigningKey {

    /** Which header a token gets; see {@link TokenKinds}. */
    public enum Kind { ACCESS, REFRESH }

    private static final JWSHeader RS256 = new JWSHeader(JWSAlgorithm.RS256);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RSAKey jwk;
    private volatile RSASSASigner signer;
    private volatile RSASSAVerifier verifier;
    private final byte[] accessHeader;
    private final byte[] refreshHeader;

    SigningKey(RSAKey jwk) {
        if (!jwk.isPrivate() || jwk.getKeyID() == null) {
            throw new IllegalArgumentException("a signing key needs its private part and a key id");
        }
        this.jwk = jwk;
        try {
            this.signer = new RSASSASigner(jwk);
            this.verifier = new RSASSAVerifier(jwk.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable RSA signing key", e);
        }
        String kid = jwk.getKeyID();
        this.accessHeader = encodedHeader("{\"typ\":\"" + TokenKinds.ACCESS_TOKEN_TYPE + "\",\"alg\":\"RS256\",\"x5t\":\""
                + kid + "\",\"kid\":\"" + kid + "\"}");
        this.refreshHeader = encodedHeader("{\"typ\":\"" + TokenKinds.REFRESH_TOKEN_TYPE + "\",\"alg\":\"RS256\",\"kid\":\""
                + kid + "\"}");
    }

    private static byte[] encodedHeader(String json) {
        return BASE64URL.encode(json.getBytes(StandardCharsets.UTF_8));
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    /** The public half with its certificate chain ({@code x5c}), for JWKS documents. */
    public RSAKey publicJwk() {
        return jwk.toPublicJWK();
    }

    JWSVerifier verifier() {
        if (!providerChosen) chooseProvider();
        return verifier;
    }

    private volatile boolean providerChosen;

    /**
     * The faster RSA provider, when there is one, chosen at the first signature rather than at
     * start-up. The keys are translated into the provider's own key objects once: handed the JDK's
     * key, ACCP converts it into a native key at every signature (Nimbus takes a new
     * {@code Signature} each time), which made a signature cost ~750 µs of CPU instead of ~280 µs.
     */
    private void chooseProvider() {
        java.security.Provider p = dev.cerulean.server.security.RsaProvider.orNull();
        if (p != null) {
            try {
                java.security.KeyFactory factory = java.security.KeyFactory.getInstance("RSA", p);
                RSASSASigner nativeSigner = new RSASSASigner((java.security.PrivateKey) factory.translateKey(jwk.toRSAPrivateKey()));
                RSASSAVerifier nativeVerifier = new RSASSAVerifier(
                        (java.security.interfaces.RSAPublicKey) factory.translateKey(jwk.toRSAPublicKey()));
                nativeSigner.getJCAContext().setProvider(p);
                nativeVerifier.getJCAContext().setProvider(p);
                signer = nativeSigner;
                verifier = nativeVerifier;
            } catch (JOSEException | java.security.GeneralSecurityException | ClassCastException e) {
                // keep the JDK's key objects and provider: slower, equally correct
                org.slf4j.LoggerFactory.getLogger(SigningKey.class).debug("RSA key translation to {} failed", p.getName(), e);
            }
        }
        providerChosen = true;
    }

    /** Signs {@code payloadJson} (UTF-8 JSON claims) and returns the compact JWS. */
    public String sign(Kind kind, byte[] payloadJson) {
        if (!providerChosen) chooseProvider();
        byte[] header = kind == Kind.ACCESS ? accessHeader : refreshHeader;
        byte[] payload = BASE64URL.encode(payloadJson);
        byte[] signingInput = new byte[header.length + 1 + payload.length];
        System.arraycopy(header, 0, signingInput, 0, header.length);
        signingInput[header.length] = '.';
        System.arraycopy(payload, 0, signingInput, header.length + 1, payload.length);
        String signature;
        try {
            signature = signer.sign(RS256, signingInput).toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
        return new StringBuilder(signingInput.length + 1 + signature.length())
                .append(new String(signingInput, StandardCharsets.US_ASCII))
                .append('.')
                .append(signature)
                .toString();
    }
}
