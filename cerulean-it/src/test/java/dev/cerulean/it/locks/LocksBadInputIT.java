package dev.cerulean.it.locks;

import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad lock requests, table-driven: each answers ARM's error shape with the status and code Azure
 * uses, never a 5xx, and leaves no lock behind.
 */
class LocksBadInputIT {
    static CeruleanServer server;
    static AcrFixtures fx;
    static String rg;
    static final String V = "?api-version=2016-09-01";

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        rg = fx.resourceGroup("lockbad-");
    }

    static Stream<Arguments> cases() {
        String ok = "{\"properties\":{\"level\":\"CanNotDelete\"}}";
        return Stream.of(
                Arguments.of("unknown level", "PUT", "{g}/locks/bad1", "{\"properties\":{\"level\":\"Sometimes\"}}", 400, "InvalidRequestContent"),
                Arguments.of("NotSpecified level", "PUT", "{g}/locks/bad2", "{\"properties\":{\"level\":\"NotSpecified\"}}", 400, "InvalidRequestContent"),
                Arguments.of("numeric level", "PUT", "{g}/locks/bad3", "{\"properties\":{\"level\":1}}", 400, "InvalidRequestContent"),
                Arguments.of("no level", "PUT", "{g}/locks/bad4", "{\"properties\":{}}", 400, "InvalidRequestContent"),
                Arguments.of("no properties", "PUT", "{g}/locks/bad5", "{}", 400, "InvalidRequestContent"),
                Arguments.of("malformed JSON", "PUT", "{g}/locks/bad6", "{\"properties\":", 400, "InvalidRequestContent"),
                Arguments.of("notes over 512", "PUT", "{g}/locks/bad7",
                        "{\"properties\":{\"level\":\"ReadOnly\",\"notes\":\"" + "n".repeat(513) + "\"}}", 400, "InvalidRequestContent"),
                Arguments.of("owners not a list", "PUT", "{g}/locks/bad8",
                        "{\"properties\":{\"level\":\"ReadOnly\",\"owners\":\"me\"}}", 400, "InvalidRequestContent"),
                Arguments.of("name with a colon", "PUT", "{g}/locks/a:b", ok, 400, "InvalidResourceName"),
                Arguments.of("name over 260", "PUT", "{g}/locks/" + "x".repeat(261), ok, 400, "InvalidResourceName"),
                Arguments.of("unknown lock", "GET", "{g}/locks/nope", null, 404, "LockNotFound"),
                Arguments.of("unknown group", "PUT", "{s}/resourceGroups/no-such-group-lock/providers/Microsoft.Authorization/locks/l", ok,
                        404, "ResourceGroupNotFound"),
                Arguments.of("unknown resource", "PUT",
                        "{s}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/nosuchacct/providers/Microsoft.Authorization/locks/l",
                        ok, 404, "ResourceNotFound"),
                Arguments.of("unsupported filter", "GET", "{g}/locks" + V + "&$filter=level%20eq%20%27ReadOnly%27", null, 400,
                        "InvalidFilterInQueryString"),
                Arguments.of("POST on a lock", "POST", "{g}/locks/l", ok, 405, null),
                Arguments.of("PUT on the collection", "PUT", "{g}/locks", ok, 405, null),
                // the development principal holds Owner at the subscription only
                Arguments.of("tenant root", "PUT", "/providers/Microsoft.Authorization/locks/l", ok, 403, "AuthorizationFailed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedInAzuresShape(String what, String method, String path, String body, int status, String code) {
        Https https = fx.https();
        String sub = "/subscriptions/" + fx.subscription();
        String p = path.replace("{g}", sub + "/resourceGroups/" + rg + "/providers/Microsoft.Authorization").replace("{s}", sub)
                .replace("{rg}", rg);
        Https.Response r = https.arm(method, p.contains("api-version") ? p : p + V, body);
        assertThat(r.status()).as(r.toString()).isLessThan(500).isEqualTo(status);
        assertThat(r.json().at("/error/code").asText()).as(r.toString()).isNotEmpty();
        if (code != null) assertThat(r.json().at("/error/code").asText()).as(r.toString()).isEqualTo(code);
        Https.Response list = https.arm("GET", sub + "/resourceGroups/" + rg + "/providers/Microsoft.Authorization/locks" + V, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("value")).as("nothing half-written").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void deletingAnUnknownLockIsNoContent() {
        Https.Response r = fx.https().arm("DELETE", "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg
                + "/providers/Microsoft.Authorization/locks/never" + V, null);
        assertThat(r.status()).isEqualTo(204);
    }
}
