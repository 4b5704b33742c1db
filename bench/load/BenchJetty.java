import dev.cerulean.server.http.HttpFront;
import dev.cerulean.server.security.TlsCipherProvider;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.ThreadPool;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java peer of the load benchmark: Jetty 12 core serving one fixed JSON body over HTTPS, with
 * Cerulean's own connector (thread pool, TLS set-up, HTTP configuration, taken from
 * {@code HttpFront} in the jar) and Cerulean's AES-GCM provider for TLS records. It does what
 * nginx does in the benchmark (answer every request with the same bytes) on the stack Cerulean
 * runs on, so ARM GET against it shows how much of the gap to nginx is Cerulean's own work and how
 * much is Jetty and the JDK's TLS on this JVM.
 * Run as a source file with the server jar on the class path:
 * {@code java -cp cerulean.jar BenchJetty.java PORT SERVER_PEM BODY_FILE}; prints
 * {@code listening port=N connector=cerulean|copy tls_records=accp|jdk jetty=VERSION} once it accepts
 * requests ({@code connector=copy}: HttpFront's factory was not found and a plain TLS connector is used).
 */
public final class BenchJetty {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[2]));
        // as Cerulean: ACCP's AES-GCM first for TLS records (off with CERULEAN_TLS_PROVIDER=jdk)
        boolean accp = TlsCipherProvider.install();
        String password = "bench";
        KeyStore keys = keyStore(Path.of(args[1]), password.toCharArray());
        HttpFront.Settings settings = new HttpFront.Settings("127.0.0.1", port, keys, password, 4L << 20, null);

        Server server = new Server(threadPool());
        String connectorKind;
        Connector connector;
        try {
            connector = cerulean("connector", Connector.class, new Class<?>[] {Server.class, HttpFront.Settings.class},
                    server, settings);
            connectorKind = "cerulean";
        } catch (ReflectiveOperationException e) {
            // HttpFront changed shape: say so on the "listening" line rather than fail the whole run
            System.err.println("HttpFront.connector not found (" + e + "); using a plain TLS connector");
            connector = plainConnector(server, settings);
            connectorKind = "copy";
        }
        server.addConnector(connector);
        server.setHandler(new StaticJson(body));
        server.start();
        System.out.printf("listening port=%d connector=%s tls_records=%s jetty=%s%n",
                ((ServerConnector) connector).getLocalPort(), connectorKind, accp ? "accp" : "jdk",
                org.eclipse.jetty.util.Jetty.VERSION);
        System.out.flush();
        server.join();
    }

    /** Answers every request 200 with the body, as nginx answers every path with its one file. */
    static final class StaticJson extends Handler.Abstract {
        private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        private final ByteBuffer body;

        StaticJson(byte[] body) {
            this.body = ByteBuffer.wrap(body).asReadOnlyBuffer();
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().add(JSON);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
            response.write(true, body.slice(), callback);
            return true;
        }
    }

    private static ThreadPool threadPool() throws Exception {
        try {
            return cerulean("threadPool", ThreadPool.class, new Class<?>[0]);
        } catch (ReflectiveOperationException e) {
            System.err.println("HttpFront.threadPool not found (" + e + "); using Jetty's default pool");
            return new org.eclipse.jetty.util.thread.QueuedThreadPool(200, 4);
        }
    }

    /** Calls one of HttpFront's private static factories, so the peer's connector is Cerulean's. */
    private static <T> T cerulean(String name, Class<T> type, Class<?>[] parameters, Object... arguments)
            throws ReflectiveOperationException {
        Method method = HttpFront.class.getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return type.cast(method.invoke(null, arguments));
    }

    /** The fallback when HttpFront's factory is gone: TLS with the same key store, HTTP/1.1, no extras. */
    private static Connector plainConnector(Server server, HttpFront.Settings settings) {
        var ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        ssl.setKeyStore(settings.keyStore());
        ssl.setKeyStorePassword(settings.keyStorePassword());
        var http = new org.eclipse.jetty.server.HttpConfiguration();
        http.setSendServerVersion(false);
        http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server,
                new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    /** Cerulean's tls/server.pem (PKCS#8 key, leaf certificate, issuing CA) as an in-memory JKS store. */
    private static KeyStore keyStore(Path pem, char[] password) throws Exception {
        PrivateKey key = null;
        List<Certificate> chain = new ArrayList<>();
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        Matcher m = PEM.matcher(Files.readString(pem));
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1).equals("CERTIFICATE")) {
                chain.add(certificates.generateCertificate(new java.io.ByteArrayInputStream(der)));
            } else if (m.group(1).equals("PRIVATE KEY")) {
                key = privateKey(der);
            }
        }
        if (key == null || chain.isEmpty()) throw new IllegalArgumentException(pem + " holds no PKCS#8 key and certificate");
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setKeyEntry("cerulean", key, password, chain.toArray(Certificate[]::new));
        return store;
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws Exception {
        for (String algorithm : List.of("EC", "RSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (java.security.spec.InvalidKeySpecException wrongAlgorithm) {
                // try the next
            }
        }
        throw new IllegalArgumentException("the PKCS#8 key is neither EC nor RSA");
    }
}
