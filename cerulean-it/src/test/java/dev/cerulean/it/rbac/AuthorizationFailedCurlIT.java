package dev.cerulean.it.rbac;

import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * curl through the proxy, as the docs' snippets run: a service principal without a role gets ARM's
 * 403 {@code AuthorizationFailed} with Azure's exact body and no {@code WWW-Authenticate} challenge
 * (graph-rbac.md §5.3).
 */
class AuthorizationFailedCurlIT {

    @Test
    void refusedWriteAnswersAzuresExactBody() {
        CeruleanServer server = TestServers.shared();
        RbacFixtures fx = new RbacFixtures(server);
        RbacFixtures.Principal p = fx.newPrincipal("curl-refused");
        String curl = Tools.require("curl").toString();
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(),
                "CURL_CA_BUNDLE", server.caCertificate().toAbsolutePath().toString());
        String tenant = server.config().tenantId();
        var token = Processes.run(List.of(curl, "-sS", "-X", "POST", "https://login.microsoftonline.com/" + tenant + "/oauth2/token",
                "-d", "grant_type=client_credentials&resource=https%3A%2F%2Fmanagement.azure.com%2F&client_id=" + p.appId()
                        + "&client_secret=" + p.secret()), env, null, 60);
        assertThat(token.exitCode()).as(token.describe()).isZero();
        String accessToken = Json.parse(token.stdout()).path("access_token").asText();

        String scope = "/subscriptions/" + fx.sub() + "/resourcegroups/curl-refused";
        var r = Processes.run(List.of(curl, "-sS", "-D", "-", "--suppress-connect-headers", "-X", "PUT",
                "https://management.azure.com" + scope + "?api-version=2021-04-01",
                "-H", "Authorization: Bearer " + accessToken, "-H", "Content-Type: application/json", "-d", "{\"location\":\"westus\"}"),
                env, null, 60);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        String out = r.stdout();
        assertThat(out).startsWith("HTTP/1.1 403").doesNotContainIgnoringCase("WWW-Authenticate");
        assertThat(out).containsIgnoringCase("content-type: application/json");
        String body = out.substring(out.indexOf("\r\n\r\n") + 4);
        assertThat(body).isEqualTo("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client '" + p.objectId()
                + "' with object id '" + p.objectId() + "' does not have authorization to perform action "
                + "'Microsoft.Resources/subscriptions/resourceGroups/write' over scope '/subscriptions/" + fx.sub()
                + "/resourceGroups/curl-refused' or the scope is invalid. If access was recently granted, please refresh your credentials.\"}}");
    }
}
