package dev.cerulean.it.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * curl against the docs' host names (management.azure.com, login.microsoftonline.com) through
 * Cerulean's CONNECT proxy, with nothing but {@code HTTPS_PROXY} and {@code CURL_CA_BUNDLE} in its
 * environment, as a reader of the seeds would run it. Each call answers status, headers and body.
 */
public final class ProxyCurl {

    /** One answer; header names lower-cased, last value wins. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return body.isBlank() ? null : Json.parse(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private final CeruleanServer server;
    private final String curl;
    private final Map<String, String> env;
    private String token;

    public ProxyCurl(CeruleanServer server) {
        this.server = server;
        this.curl = Tools.require("curl").toString();
        this.env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(),
                "CURL_CA_BUNDLE", server.caCertificate().toAbsolutePath().toString());
    }

    /** An ARM token from the v1 endpoint for the development principal, as seed 004 asks for one. */
    public synchronized String token() {
        if (token == null) {
            var c = server.config();
            Reply r = run(List.of("-X", "POST", "https://login.microsoftonline.com/" + c.tenantId() + "/oauth2/token",
                    "-d", "grant_type=client_credentials&resource=https%3A%2F%2Fmanagement.azure.com%2F&client_id=" + c.clientId()
                            + "&client_secret=" + c.clientSecret()));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            token = r.json().get("access_token").asText();
        }
        return token;
    }

    /** {@code curl -X method url} with the bearer token and, when {@code jsonBody} is not null, a JSON body. */
    public Reply arm(String method, String url, String jsonBody) {
        List<String> args = new ArrayList<>(List.of("-X", method, url, "-H", "Authorization: Bearer " + token()));
        if (jsonBody != null) args.addAll(List.of("-H", "Content-Type: application/json", "-d", jsonBody));
        return run(args);
    }

    /** {@code curl -sS -D - args...} through the proxy, e.g. against a registry host. */
    public Reply call(String... args) {
        return run(List.of(args));
    }

    private Reply run(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(curl, "-sS", "--suppress-connect-headers", "-D", "-"));
        cmd.addAll(args);
        Processes.Result r = Processes.run(cmd, env, null, 60);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        return parse(r.stdout());
    }

    /** Splits curl's {@code -D -} output: status line, headers, blank line, body. */
    private static Reply parse(String out) {
        int end = out.indexOf("\r\n\r\n");
        String head = end < 0 ? out : out.substring(0, end);
        String body = end < 0 ? "" : out.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Reply(status, headers, body);
    }
}
