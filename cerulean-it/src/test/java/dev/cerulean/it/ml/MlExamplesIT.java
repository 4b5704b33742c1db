package dev.cerulean.it.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2022-05-01 spec examples (shared/conformance/ml-examples): every compute request body is
 * accepted, and Cerulean's answers carry every field the examples' answers show. Skipped when
 * shared/ is absent.
 */
class MlExamplesIT {

    private static final String V = "?api-version=2022-05-01";
    /** Present in the example only because it asked for them (encryption, shared private links) or had private endpoints. */
    private static final Set<String> OPTIONAL_WORKSPACE = Set.of("encryption", "sharedPrivateLinkResources",
            "serviceProvisionedResourceGroup", "privateEndpointConnections");

    @Test
    void examplesAgainstCerulean() {
        Shared.require("conformance/ml-examples/Workspace/get.json");
        MlFixtures f = new MlFixtures(TestServers.shared(), "ml-examples");
        String ws = f.workspacePath("examples");
        var created = f.https.arm("PUT", ws + V, f.workspaceBody(f.storage(), f.vault(), f.insights(), null));
        assertThat(created.status()).isEqualTo(202);

        JsonNode example = Shared.json("conformance/ml-examples/Workspace/get.json").at("/responses/200/body");
        JsonNode ours = f.https.arm("GET", ws + V, null).json();
        assertThat(fields(ours)).containsAll(fields(example));
        List<String> wanted = new ArrayList<>(fields(example.get("properties")));
        wanted.removeAll(OPTIONAL_WORKSPACE);
        assertThat(fields(ours.get("properties"))).containsAll(wanted);

        for (String action : List.of("listKeys", "listNotebookAccessToken")) {
            JsonNode ex = Shared.json("conformance/ml-examples/Workspace/" + action + ".json").at("/responses/200/body");
            assertThat(fields(f.https.arm("POST", ws + "/" + action + V, null).json())).as(action).containsAll(fields(ex));
        }
        JsonNode ops = f.https.send("GET", "/providers/Microsoft.MachineLearningServices/operations" + V, null,
                java.util.Map.of("Authorization", "Bearer " + f.https.token())).json();
        JsonNode exOp = Shared.json("conformance/ml-examples/Workspace/operationsList.json").at("/responses/200/body/value/0");
        assertThat(fields(ops.get("value").get(0))).containsAll(fields(exOp));

        // BasicAmlCompute creates ex-aml; AmlCompute is the spec's update of an existing cluster (scale settings only)
        for (String name : List.of("BasicAmlCompute", "AmlCompute", "ComputeInstance", "ComputeInstanceMinimal", "AKSCompute",
                "KubernetesCompute", "BasicDataFactoryCompute")) {
            JsonNode ex = Shared.json("conformance/ml-examples/Compute/createOrUpdate/" + name + ".json");
            String computeName = "ex-" + name.toLowerCase().replace("compute", "").replace("basic", "");
            var r = f.https.arm("PUT", ws + "/computes/" + computeName + V, ex.at("/parameters/parameters").toString());
            assertThat(r.status()).as(name + ": " + r).isIn(200, 201);
            assertThat(r.json().at("/properties/computeType").asText())
                    .isEqualTo(ex.at("/parameters/parameters/properties/computeType").asText());
        }
        JsonNode exGet = Shared.json("conformance/ml-examples/Compute/get/AmlCompute.json").at("/responses/200/body");
        JsonNode got = f.https.arm("GET", ws + "/computes/ex-aml" + V, null).json();
        assertThat(fields(got)).containsAll(fields(exGet));
        assertThat(fields(got.get("properties"))).containsAll(fields(exGet.get("properties")));
        assertThat(fields(got.at("/properties/properties"))).containsAll(fields(exGet.at("/properties/properties")));
        JsonNode exNodes = Shared.json("conformance/ml-examples/Compute/listNodes.json").at("/responses/200/body");
        assertThat(fields(f.https.arm("POST", ws + "/computes/ex-aml/listNodes" + V, null).json())).contains("nodes");
        assertThat(exNodes.has("nodes")).isTrue();
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
