package dev.cerulean.it.mldeps;

import dev.cerulean.it.support.Https;
import dev.cerulean.server.CeruleanServer;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prerequisites over raw HTTPS for the dependent-resource tests: resource groups and names that are
 * unique (storage account and vault names are global).
 */
final class DepFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    final Https https;
    final String subscription;

    DepFixtures(CeruleanServer server) {
        this.https = new Https(server);
        this.subscription = server.config().subscriptionId();
    }

    /** {@code prefix} and eight random lower-case letters and digits. */
    static String unique(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    String resourceGroup(String prefix) {
        String name = unique(prefix);
        var r = https.arm("PUT", "/subscriptions/" + subscription + "/resourcegroups/" + name + "?api-version=2021-04-01",
                "{\"location\":\"westus\"}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return name;
    }

    String id(String rg, String namespaceAndType, String name) {
        return "/subscriptions/" + subscription + "/resourceGroups/" + rg + "/providers/" + namespaceAndType + "/" + name;
    }

    Https.Response arm(String method, String pathAndQuery, String body) {
        return https.arm(method, pathAndQuery, body);
    }
}
