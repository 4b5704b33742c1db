package dev.cerulean.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** Shared test fixtures: SAN extraction and a one-shot TLS echo server built from a {@link LocalCa}. */
final class TlsTestSupport {
    private TlsTestSupport() {}

    static List<String> subjectAltNames(X509Certificate certificate, int type) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        if (sans == null) return names;
        for (List<?> san : sans) {
            if ((Integer) san.get(0) == type) names.add((String) san.get(1));
        }
        return names;
    }

    static SSLContext serverContext(LocalCa ca) throws GeneralSecurityException {
        return serverContext(ca.serverKeyStore(), ca.serverKeyStorePassword().toCharArray());
    }

    static SSLContext serverContext(KeyStore keyStore, char[] password) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /**
     * Starts a TLS server with the CA's server key that echoes one byte, then connects to it as
     * {@code hostName} with HTTPS host-name verification, and returns the echoed byte.
     */
    static int echoOverTls(LocalCa ca, String hostName) throws Exception {
        return echoOverTls(serverContext(ca), ca.clientSslContext(), hostName);
    }

    static int echoOverTls(SSLContext serverContext, SSLContext clientContext, String hostName) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket accepted = server.accept()) {
                    InputStream in = accepted.getInputStream();
                    OutputStream out = accepted.getOutputStream();
                    out.write(in.read());
                    out.flush();
                } catch (IOException e) {
                    // the client's handshake failed; the client side reports it
                }
            });
            echo.start();
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
                plain.setSoTimeout(5_000);
                try (SSLSocket tls = (SSLSocket) clientContext.getSocketFactory()
                        .createSocket(plain, hostName, server.getLocalPort(), true)) {
                    SSLParameters parameters = tls.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    tls.setSSLParameters(parameters);
                    tls.getOutputStream().write(42);
                    tls.getOutputStream().flush();
                    return tls.getInputStream().read();
                }
            } finally {
                echo.join(5_000);
            }
        }
    }
}
