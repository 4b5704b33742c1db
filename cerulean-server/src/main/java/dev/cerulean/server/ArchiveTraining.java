package dev.cerulean.server;

import dev.cerulean.core.json.Json;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.registry.TemporaryBlobRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code cerulean train-archive}: the fixed run the launcher makes once, before the first
 * {@code serve}, with the JVM writing its class archive (CDS, or JDK 25's AOT cache) at exit. It
 * starts a server on a temporary data dir and a free port, sends the requests every client starts
 * with (health, a token, ARM reads and a write, an ARM error, the registry host's refusal) and stops. So the
 * archive holds the start and the request paths, and is the same for everyone: written instead by
 * whatever the first real run did (often a whole test session), it was larger and slower to map
 * (bench/README.md, "After the read caches"). Nothing is left behind; the user's data dir is never
 * touched and no {@code endpoints.json} of the trainee is visible to anyone.
 */
final class ArchiveTraining {
    private ArchiveTraining() {}

    /** Runs the training; answers the statuses the requests got, in order (the test checks them). */
    static List<Integer> run() throws Exception {
        Path dir = Files.createTempDirectory("cerulean-training");
        ServerConfig config = ServerConfig.defaults().withDataDir(dir).withPorts(0, -1);
        List<Integer> statuses = new ArrayList<>();
        try (CeruleanServer server = CeruleanServer.start(config)) {
            Client client = new Client(server);
            String sub = "/subscriptions/" + config.subscriptionId();
            String group = sub + "/resourcegroups/cerulean-training?api-version=2021-04-01";
            statuses.add(client.send("GET", "/cerulean/health", null, null, null).status);
            Answer token = client.send("POST", "/" + config.tenantId() + "/oauth2/token", null,
                    "application/x-www-form-urlencoded", "grant_type=client_credentials&resource="
                            + encode("https://management.azure.com/") + "&client_id=" + encode(config.clientId())
                            + "&client_secret=" + encode(config.clientSecret()));
            statuses.add(token.status);
            String bearer = Json.parse(token.body).path("access_token").asText();
            statuses.add(client.send("GET", group, bearer, null, null).status);
            statuses.add(client.send("PUT", group, bearer, "application/json", "{\"location\":\"westus\"}").status);
            statuses.add(client.send("GET", group, bearer, null, null).status);
            statuses.add(client.send("GET", sub + "/resourcegroups?api-version=2021-04-01", bearer, null, null).status);
            statuses.add(client.send("GET", "/v2/", null, null, null, "training.azurecr.io").status);
        } finally {
            TemporaryBlobRoot.deleteTree(dir);
        }
        return statuses;
    }

    /** The command: runs the training and exits, which is when the JVM writes the archive. */
    static void train() throws Exception {
        List<Integer> statuses = run();
        System.err.println("cerulean: class archive trained (answers " + statuses + ")");
        System.exit(0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Answer(int status, String body) {}

    /** HTTP/1.1 over one TLS socket per request: the JDK's HTTP client would put its own classes in the archive. */
    private static final class Client {
        private final SSLContext tls;
        private final int port;

        Client(CeruleanServer server) throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(server.trustStore())) {
                trust.load(in, server.trustStorePassword().toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            this.tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            this.port = server.httpsPort();
        }

        Answer send(String method, String path, String bearer, String type, String body) throws IOException {
            return send(method, path, bearer, type, body, "localhost");
        }

        Answer send(String method, String path, String bearer, String type, String body, String host) throws IOException {
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                        .append("Host: ").append(host).append("\r\nConnection: close\r\nAccept: application/json\r\n")
                        .append("Content-Length: ").append(content.length).append("\r\n");
                if (bearer != null) head.append("Authorization: Bearer ").append(bearer).append("\r\n");
                if (type != null) head.append("Content-Type: ").append(type).append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                out.write(content);
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int status = Integer.parseInt(response.substring(9, 12));
                int bodyStart = response.indexOf("\r\n\r\n");
                return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
            }
        }
    }
}
