package dev.cerulean.server.arm;

import dev.cerulean.core.error.ApiError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArmPipelineTest {

    @ParameterizedTest
    @ValueSource(strings = {"2021-04-01", "2023-01-01-preview", "2020-11-01-privatepreview", "2015-01-01-alpha"})
    void wellFormedVersions(String v) {
        assertThat(ArmPipeline.wellFormed(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "2021-4-01", "2021-04-01-", "2021-04-01-pre1", "2021/04/01", "20210401", ""})
    void malformedVersions(String v) {
        assertThat(ArmPipeline.wellFormed(v)).isFalse();
    }

    @Test
    void missingVersionIsMissingApiVersionParameter() {
        ArmPipeline p = new ArmPipeline(h -> null, false);
        assertThatThrownBy(() -> p.apiVersion(null, List.of("2021-04-01")))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("MissingApiVersionParameter");
                });
    }

    @Test
    void strictModeListsTheSupportedVersions() {
        ArmPipeline strict = new ArmPipeline(h -> null, true);
        assertThatThrownBy(() -> strict.apiVersion("2099-01-01", List.of("2021-04-01", "2019-11-01")))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.message())
                        .isEqualTo("The api-version '2099-01-01' is invalid. The supported versions are '2021-04-01,2019-11-01'."));
        assertThat(new ArmPipeline(h -> null, false).apiVersion("2099-01-01", List.of("2021-04-01"))).isEqualTo("2099-01-01");
    }
}
