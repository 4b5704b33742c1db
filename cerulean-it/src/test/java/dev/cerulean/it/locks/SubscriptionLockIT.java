package dev.cerulean.it.locks;

import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code ReadOnly} lock on the subscription, on a server of its own (it would stop every other
 * test's writes) with RBAC off: locks override roles, so they are enforced even then. Groups cannot
 * be created or tagged, reads and lock changes go on, {@code atScope()} lists the inherited lock.
 */
class SubscriptionLockIT {
    static CeruleanServer server;
    static Https https;
    static String sub;
    static final String V = "?api-version=2016-09-01";

    @BeforeAll
    static void start() {
        server = TestServers.start(c -> c.withAuthorization(false));
        https = new Https(server);
        sub = "/subscriptions/" + server.config().subscriptionId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readOnlySubscriptionRefusesGroupWritesUntilUnlocked() {
        assertThat(https.arm("PUT", sub + "/resourceGroups/before?api-version=2021-04-01", "{\"location\":\"westus\"}").status())
                .isEqualTo(201);
        Https.Response created = https.arm("PUT", sub + "/providers/Microsoft.Authorization/locks/sublock" + V,
                "{\"properties\":{\"level\":\"readonly\",\"notes\":\"frozen\",\"owners\":[{\"applicationId\":\"a\"}]}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().at("/properties/level").asText()).isEqualTo("ReadOnly");
        assertThat(created.json().at("/properties/owners/0/applicationId").asText()).isEqualTo("a");
        assertThat(https.arm("PUT", sub + "/providers/Microsoft.Authorization/locks/sublock" + V,
                "{\"properties\":{\"level\":\"ReadOnly\",\"notes\":\"frozen\"}}").status()).as("replace").isEqualTo(200);

        Https.Response refused = https.arm("PUT", sub + "/resourceGroups/after?api-version=2021-04-01", "{\"location\":\"westus\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/error/message").asText()).isEqualTo("The scope '" + sub + "/resourceGroups/after' cannot perform write "
                + "operation because following scope(s) are locked: '" + sub + "'. Please remove the lock and try again.");
        assertThat(https.arm("PATCH", sub + "/resourceGroups/before?api-version=2021-04-01", "{\"tags\":{\"a\":\"b\"}}").status())
                .isEqualTo(409);
        assertThat(https.arm("DELETE", sub + "/resourceGroups/before?api-version=2021-04-01", null).status()).isEqualTo(409);
        assertThat(https.arm("GET", sub + "/resourceGroups/before?api-version=2021-04-01", null).status()).isEqualTo(200);

        // the lock applies at the group: atScope() lists it there, the plain list (at and below) does not
        Https.Response inherited = https.arm("GET", sub + "/resourceGroups/before/providers/Microsoft.Authorization/locks" + V
                + "&$filter=atScope()", null);
        assertThat(inherited.json().at("/value/0/id").asText()).isEqualTo(sub + "/providers/Microsoft.Authorization/locks/sublock");
        assertThat(https.arm("GET", sub + "/resourceGroups/before/providers/Microsoft.Authorization/locks" + V, null).json().path("value"))
                .isEmpty();
        assertThat(https.arm("GET", sub + "/providers/Microsoft.Authorization/locks" + V, null).json().path("value")).hasSize(1);

        assertThat(https.arm("DELETE", sub + "/providers/Microsoft.Authorization/locks/sublock" + V, null).status()).isEqualTo(200);
        assertThat(https.arm("PUT", sub + "/resourceGroups/after?api-version=2021-04-01", "{\"location\":\"westus\"}").status())
                .as("a local lock change is seen at once").isEqualTo(201);
        assertThat(https.arm("GET", sub + "/providers/Microsoft.Authorization/locks/sublock" + V, null).status()).isEqualTo(404);
    }
}
