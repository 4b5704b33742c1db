package dev.cerulean.server.deployments;

import dev.cerulean.core.error.ApiError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The body az 2.45 sends for --template-file (deployments.md §1.2): not strict JSON. */
class DeploymentRequestTest {

    private static byte[] azBody(String template) {
        // json.dumps(data)[:-2] + ", template:" + <file text> + "}}"
        return ("{\"properties\": {\"parameters\": {\"acrName\": {\"value\": \"abcde\"}}, \"mode\": \"Incremental\", template:"
                + template + "}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheUnquotedTemplateKeyWithCommentsAndCrlf() {
        String template = "{\r\n  // a comment\r\n  \"parameters\": {\r\n    \"acrName\": {\"type\": \"string\"}\r\n  },\r\n"
                + "  \"resources\": [], /* trailing */\r\n}";
        DeploymentRequest r = DeploymentRequest.parse(azBody(template), false);
        assertThat(r.mode()).isEqualTo("Incremental");
        assertThat(r.parameters().at("/acrName/value").asText()).isEqualTo("abcde");
        assertThat(r.template().root().has("resources")).isTrue();
        // positions are the template file's, not the request body's
        assertThat(r.template().position("parameters.acrName").line()).isEqualTo(4);
    }

    @Test
    void plainJsonFromTheSdks() {
        DeploymentRequest r = DeploymentRequest.parse("{\"location\": \"westus\", \"properties\": {\"mode\": \"Complete\", \"template\": {\"resources\": []}}}"
                .getBytes(StandardCharsets.UTF_8), true);
        assertThat(r.mode()).isEqualTo("Complete");
        assertThat(r.location()).isEqualTo("westus");
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> DeploymentRequest.parse("{\"properties\": {\"template\": {\"resources\": []}}}".getBytes(StandardCharsets.UTF_8), true))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("InvalidDeploymentLocation"));
        assertThatThrownBy(() -> DeploymentRequest.parse("{\"properties\": {\"templateLink\": {\"uri\": \"https://example.com/t.json\"}}}"
                .getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.message()).contains("https://example.com/t.json"));
        assertThatThrownBy(() -> DeploymentRequest.parse(("{\"properties\": {\"templateLink\": {\"id\": "
                + "\"/subscriptions/s/resourceGroups/g/providers/Microsoft.Resources/templateSpecs/ts/versions/1\"}}}")
                .getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.message()).contains("templateSpecs/ts/versions/1' (a template spec)"));
        assertThatThrownBy(() -> DeploymentRequest.parse("{\"properties\": {\"templateLink\": {\"relativePath\": \"nested/a.json\"}}}"
                .getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.message()).contains("relativePath 'nested/a.json'"));
        assertThatThrownBy(() -> DeploymentRequest.parse(("{\"properties\": {\"template\": {\"resources\": []},"
                + " \"parametersLink\": {\"uri\": \"https://example.com/p.json\"}}}").getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("InvalidTemplate"));
        assertThatThrownBy(() -> DeploymentRequest.parse(azBody("{\"resources\": [}"), false))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("InvalidRequestContent"));
        assertThatThrownBy(() -> DeploymentRequest.parse("{\"properties\": {\"mode\": \"Sometimes\", \"template\": {}}}".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("InvalidRequestContent"));
    }

    @Test
    void onErrorDeploymentIsReadAsAzSendsIt() {
        // --rollback-on-error / --rollback-on-error dep1 (deployments.md §1.4)
        assertThat(DeploymentRequest.parse(onError("{\"type\": \"LastSuccessful\"}"), false).onErrorDeployment())
                .isEqualTo(new Rollback.Spec("LastSuccessful", null));
        assertThat(DeploymentRequest.parse(onError("{\"type\": \"SpecificDeployment\", \"deploymentName\": \"dep1\"}"), false)
                .onErrorDeployment()).isEqualTo(new Rollback.Spec("SpecificDeployment", "dep1"));
        assertThat(DeploymentRequest.parse(azBody("{\"resources\": []}"), false).onErrorDeployment()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object                     | "LastSuccessful"                                  | false | InvalidRequestContent
            unknown type                      | {"type": "Sometimes"}                             | false | InvalidRequestContent
            specific without a name           | {"type": "SpecificDeployment"}                    | false | InvalidOnErrorDeployment
            specific with an empty name       | {"type": "SpecificDeployment", "deploymentName": ""} | false | InvalidOnErrorDeployment
            subscription scope                | {"type": "LastSuccessful"}                        | true  | InvalidOnErrorDeployment
            """)
    void badOnErrorDeploymentIsRefused(String what, String onError, boolean subscriptionScope, String code) {
        byte[] body = subscriptionScope
                ? ("{\"location\": \"westus\", \"properties\": {\"mode\": \"Incremental\", \"onErrorDeployment\": " + onError
                        + ", \"template\": {\"resources\": []}}}").getBytes(StandardCharsets.UTF_8)
                : onError(onError);
        assertThatThrownBy(() -> DeploymentRequest.parse(body, subscriptionScope))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    private static byte[] onError(String json) {
        return ("{\"properties\": {\"mode\": \"Incremental\", \"onErrorDeployment\": " + json + ", template:{\"resources\": []}}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
