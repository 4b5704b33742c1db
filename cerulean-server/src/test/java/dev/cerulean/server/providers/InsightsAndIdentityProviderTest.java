package dev.cerulean.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.cerulean.server.providers.DependentsTestbed.TENANT;
import static dev.cerulean.server.providers.DependentsTestbed.body;
import static dev.cerulean.server.providers.DependentsTestbed.id;
import static org.assertj.core.api.Assertions.assertThat;

class InsightsAndIdentityProviderTest {

    private final DependentsTestbed bed = new DependentsTestbed();
    private final String rg = bed.group("rg");

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void componentCreateAnswers200WithKeysThatStay() {
        String id = id(rg, "Microsoft.Insights/components", "appi");
        var r = bed.put(id, "{'location':'West US','kind':'web','properties':{'Application_Type':'WEB'}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode c = body(r);
        assertThat(c.get("type").asText()).isEqualTo("microsoft.insights/components");
        assertThat(c.has("etag")).isTrue();
        String key = c.at("/properties/InstrumentationKey").asText();
        String appId = c.at("/properties/AppId").asText();
        assertThat(c.at("/properties/Application_Type").asText()).isEqualTo("web");
        assertThat(c.at("/properties/ConnectionString").asText()).isEqualTo("InstrumentationKey=" + key
                + ";IngestionEndpoint=https://westus-0.in.applicationinsights.azure.com/;LiveEndpoint=https://westus.livediagnostics.monitor.azure.com/;ApplicationId="
                + appId);
        JsonNode again = body(bed.put(id, "{'location':'westus','kind':'web','properties':{'Application_Type':'other','InstrumentationKey':'x'}}"));
        assertThat(again.at("/properties/InstrumentationKey").asText()).isEqualTo(key);
        assertThat(again.at("/properties/AppId").asText()).isEqualTo(appId);
    }

    @Test
    void componentRetentionBeyondIntIsABadRequest() {
        String id = id(rg, "Microsoft.Insights/components", "appi");
        bed.assertPutRefused(id, "{'location':'westus','kind':'web','properties':{'Application_Type':'web','RetentionInDays':99999999999}}",
                400, "BadRequest");
        JsonNode ok = body(bed.put(id, "{'location':'westus','kind':'web','properties':{'Application_Type':'web','RetentionInDays':30}}"));
        assertThat(ok.at("/properties/RetentionInDays").asInt()).isEqualTo(30);
    }

    @Test
    void componentRetentionThatIsNoWholeNumberIsABadRequestAndDigitsInAStringAreANumber() {
        String id = id(rg, "Microsoft.Insights/components", "appi2");
        for (String days : new String[] {"'ninety'", "30.5", "true", "{}"}) {
            bed.assertPutRefused(id, "{'location':'westus','kind':'web','properties':{'Application_Type':'web','RetentionInDays':"
                    + days + "}}", 400, "BadRequest");
        }
        JsonNode ok = body(bed.put(id, "{'location':'westus','kind':'web','properties':{'Application_Type':'web','RetentionInDays':'60'}}"));
        assertThat(ok.at("/properties/RetentionInDays").isInt()).isTrue();
        assertThat(ok.at("/properties/RetentionInDays").asInt()).isEqualTo(60);
    }

    @Test
    void identityIsAServicePrincipalWithoutSecret() {
        String id = id(rg, "Microsoft.ManagedIdentity/userAssignedIdentities", "uai-one");
        var r = bed.put(id, "{'location':'westus','properties':{'principalId':'forged'}}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode p = body(r).get("properties");
        assertThat(p.get("tenantId").asText()).isEqualTo(TENANT);
        assertThat(p.get("principalId").asText()).isNotEqualTo("forged").hasSize(36);
        var sp = bed.stores.identities().servicePrincipal(TENANT, p.get("clientId").asText()).orElseThrow();
        assertThat(sp.objectId()).isEqualTo(p.get("principalId").asText());
        assertThat(sp.displayName()).isEqualTo("uai-one");

        JsonNode patched = body(bed.patch(id, "{'tags':{'k':'v'}}"));
        assertThat(patched.at("/properties/principalId").asText()).isEqualTo(p.get("principalId").asText());
        assertThat(bed.delete(id).status()).isEqualTo(200);
        assertThat(bed.get(id)).isNull();
    }
}
