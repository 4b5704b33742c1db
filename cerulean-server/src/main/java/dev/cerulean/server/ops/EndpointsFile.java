package dev.cerulean.server.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <data-dir>/endpoints.json}: where a started server can be reached and with which
 * development credentials, for scripts and tests. Written atomically (temp file + rename) so a
 * reader never sees half a file.
 */
public record EndpointsFile(String armEndpoint, String loginEndpoint, String proxyUrl, String tenantId,
                            String subscriptionId, String clientId, String clientSecret, String caCertificate,
                            int httpsPort, int proxyPort) {

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("armEndpoint", armEndpoint);
        m.put("loginEndpoint", loginEndpoint);
        m.put("proxyUrl", proxyUrl);
        m.put("tenantId", tenantId);
        m.put("subscriptionId", subscriptionId);
        m.put("clientId", clientId);
        m.put("clientSecret", clientSecret);
        m.put("caCertificate", caCertificate);
        m.put("httpsPort", httpsPort);
        m.put("proxyPort", proxyPort);
        return m;
    }

    public void write(Path dataDir) throws IOException {
        ObjectNode node = Json.MAPPER.valueToTree(asMap());
        Path tmp = dataDir.resolve("endpoints.json.tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
        Files.move(tmp, dataDir.resolve("endpoints.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
