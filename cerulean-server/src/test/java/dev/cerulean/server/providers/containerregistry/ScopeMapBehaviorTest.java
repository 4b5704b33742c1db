package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static dev.cerulean.server.providers.containerregistry.Conformance.keys;
import static org.assertj.core.api.Assertions.assertThat;

/** User-defined and system-defined scope maps (acr.md §2). */
class ScopeMapBehaviorTest {

    private static final String REG = registryId("rg", "myregistry");
    private final AcrTestbed bed = new AcrTestbed();

    @BeforeEach
    void registry() {
        bed.createRegistry("rg", "myregistry", "Basic");
    }

    @Test
    void aUserScopeMapHasTheServicesShape() {
        ObjectNode doc = bed.put(REG + "/scopeMaps/devscopes", "{'properties':{'description':'Developer Scopes',"
                + "'actions':['repositories/hello-world/content/read','repositories/hello-world/metadata/read']}}");
        assertThat(keys(doc)).containsExactlyInAnyOrder("id", "name", "type", "systemData", "properties");
        assertThat(doc.get("type").asText()).isEqualTo("Microsoft.ContainerRegistry/registries/scopeMaps");
        JsonNode p = doc.get("properties");
        List<String> order = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactly("description", "type", "creationDate", "provisioningState", "actions");
        assertThat(p.get("type").asText()).isEqualTo("UserDefined");
        assertThat(p.get("creationDate").asText()).matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+00:00$");
        assertThat(p.get("actions")).isEqualTo(Json.MAPPER.valueToTree(
                List.of("repositories/hello-world/content/read", "repositories/hello-world/metadata/read")));
    }

    @Test
    void matchesTheShapeOfScopeMapCreateExample() {
        JsonNode expected = Conformance.example("ScopeMapCreate.json").get("responses").get("200").get("body");
        ObjectNode doc = bed.put(REG + "/scopeMaps/myScopeMap", "{'properties':{'actions':['repositories/myrepository/content/write']}}");
        assertThat(keys(doc)).containsAll(keys(expected));
        assertThat(keys(doc.get("properties"))).isEqualTo(keys(expected.get("properties")));
    }

    @Test
    void withoutDescriptionTheKeyIsAbsent() {
        assertThat(bed.createScopeMap(REG, "nodescription", "repositories/a/content/read").get("properties").has("description")).isFalse();
    }

    @Test
    void patchReplacesTheActionsAndKeepsTheCreationDate() {
        String created = bed.createScopeMap(REG, "patched", "repositories/a/content/read").get("properties").get("creationDate").asText();
        bed.clock.advance(Duration.ofMinutes(3));
        JsonNode p = bed.patch(REG + "/scopeMaps/patched", "{'properties':{'actions':['repositories/b/content/write']}}").get("properties");
        assertThat(p.get("actions")).isEqualTo(Json.MAPPER.valueToTree(List.of("repositories/b/content/write")));
        assertThat(p.get("creationDate").asText()).isEqualTo(created);
    }

    @Test
    void invalidActionsAreRefused() {
        ApiErrors.expect(() -> bed.createScopeMap(REG, "badactions", "repositories/myrepository/contentWrite"), 400,
                "InvalidScopeMapAction");
        assertThat(bed.children(REG, "scopeMaps")).hasSize(5);
    }

    @Test
    void scopeMapNamesFollowTheRules() {
        ApiErrors.expect(() -> bed.createScopeMap(REG, "abc", "repositories/a/content/read"), 400, "ResourceNameInvalid",
                "Invalid resource name: 'abc'. Resource names may contain alpha numeric characters, dashes and underscores only and must be between 5 and 50 characters.");
        assertThat(bed.createScopeMap(REG, "my_scope-map1", "repositories/a/content/read").get("name").asText()).isEqualTo("my_scope-map1");
    }

    @Test
    void underscoreNamesAreReservedForSystemScopeMaps() {
        ApiErrors.expect(() -> bed.createScopeMap(REG, "_mine_scope", "repositories/a/content/read"), 400, "ResourceNameInvalid",
                "Invalid resource name: '_mine_scope'. Names starting with '_' are reserved for system defined scope maps.");
    }

    @Test
    void systemScopeMapsCannotBeReplacedOrPatched() {
        String message = "The scope map '_repositories_pull' is system defined and cannot be modified.";
        ApiErrors.expect(() -> bed.createScopeMap(REG, "_repositories_pull", "repositories/a/content/read"), 400,
                "SystemDefinedScopeMapCannotBeModified", message);
        ApiErrors.expect(() -> bed.patch(REG + "/scopeMaps/_repositories_pull", "{'properties':{'description':'x'}}"), 400,
                "SystemDefinedScopeMapCannotBeModified", message);
        assertThat(bed.get(REG + "/scopeMaps/_repositories_pull").get("properties").get("type").asText()).isEqualTo("SystemDefined");
    }

    @Test
    void systemScopeMapsCannotBeDeleted() {
        ApiErrors.expect(() -> bed.delete(REG + "/scopeMaps/_repositories_admin"), 400, "SystemDefinedScopeMapCannotBeDeleted",
                "The scope map '_repositories_admin' is system defined and cannot be deleted.");
        assertThat(bed.children(REG, "scopeMaps")).hasSize(5);
    }

    @Test
    void aScopeMapUsedByTokensCannotBeDeleted() {
        bed.createScopeMap(REG, "shared-map", "repositories/a/content/read");
        bed.createToken(REG, "token-one", "shared-map");
        bed.createToken(REG, "token-two", "SHARED-MAP");
        ApiErrors.expect(() -> bed.delete(REG + "/scopeMaps/shared-map"), 400, "ScopeMapInUse",
                "The scope map 'shared-map' cannot be deleted because it is used by the tokens: token-one, token-two.");
        bed.delete(REG + "/tokens/token-one");
        bed.delete(REG + "/tokens/token-two");
        bed.delete(REG + "/scopeMaps/shared-map");
        assertThat(bed.children(REG, "scopeMaps")).hasSize(5);
    }

    @Test
    void aTokenMayUseASystemScopeMap() {
        assertThat(bed.createToken(REG, "puller", "_repositories_pull").get("properties").get("scopeMapId").asText())
                .endsWith("/scopeMaps/_repositories_pull");
        ApiErrors.expect(() -> bed.delete(REG + "/scopeMaps/_repositories_pull"), 400, "SystemDefinedScopeMapCannotBeDeleted");
    }

    @Test
    void theSkuLimitsUserScopeMaps() {
        for (int i = 0; i < 100; i++) bed.createScopeMap(REG, "scope" + i + "-map", "repositories/a/content/read");
        ApiErrors.expect(() -> bed.createScopeMap(REG, "onetoomany", "repositories/a/content/read"), 400, "QuotaExceeded",
                "The registry has reached its limit of 100 scope maps for the 'Basic' SKU.");
        bed.patch(REG, "{'sku':{'name':'Standard'}}");
        assertThat(bed.createScopeMap(REG, "onetoomany", "repositories/a/content/read").get("name").asText()).isEqualTo("onetoomany");
        ApiErrors.expect(() -> bed.patch(REG, "{'sku':{'name':'Basic'}}"), 400, "QuotaExceeded",
                "The registry has reached its limit of 100 scope maps for the 'Basic' SKU.");
    }

    @Test
    void aLongDescriptionIsRefused() {
        String description = "x".repeat(257);
        ApiErrors.expect(() -> bed.put(REG + "/scopeMaps/described", "{'properties':{'description':'" + description
                + "','actions':['repositories/a/content/read']}}"), 400, "InvalidParameter",
                "The scope map description must be at most 256 characters.");
    }
}
