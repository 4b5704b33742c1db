package dev.cerulean.server.deployments;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export requests ARM refuses before reading anything (deployments.md §2.9). */
class GroupExportTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"resources\": \"*\"}",
            "{\"resources\": [\"*\"], \"options\": \"IncludeEverything\"}",
            "{\"resources\": [\"*\"], \"options\": \"IncludeComments,, SkipAllParameterization\"}",
            "[]"})
    void badRequestsAreRefused(String body) {
        assertThatThrownBy(() -> new GroupExport(null).export(new DeploymentHistory.Scope("s", "rg"), Json.parse(body), null))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("InvalidRequestContent");
                });
    }
}
