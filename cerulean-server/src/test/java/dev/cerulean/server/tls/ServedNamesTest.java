package dev.cerulean.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServedNamesTest {

    private final ServedNames names = ServedNames.of(".azurecr.io", List.of());

    @ParameterizedTest
    @ValueSource(strings = {"management.azure.com", "MANAGEMENT.Azure.COM", "management.azure.com.",
        "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net", "graph.microsoft.com",
        "management.core.windows.net", "myregistry.azurecr.io", "a.b.azurecr.io", "eastus.api.azureml.ms",
        "ws.eastus.experiments.azureml.net", "eastus.modelmanagement.azureml.net"})
    void azureNamesAreInterceptable(String host) {
        assertThat(names.isInterceptable(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "azurecr.io", "evilazurecr.io", "management.azure.com.evil.com",
        "xmanagement.azure.com", "localhost", "127.0.0.1", "api.azureml.ms", "aether.ms", ""})
    void otherNamesAreNotInterceptable(String host) {
        assertThat(names.isInterceptable(host)).isFalse();
    }

    @Test
    void registrySuffixIsAcceptedWithOrWithoutLeadingDot() {
        assertThat(ServedNames.of("azurecr.local", List.of()).registrySuffix()).isEqualTo("azurecr.local");
        assertThat(ServedNames.of(".AzureCR.local", List.of()).registrySuffix()).isEqualTo("azurecr.local");
    }

    @Test
    void certificateNamesCoverLocalhostAzureHostsAndWildcards() {
        assertThat(ServedNames.of(".azurecr.local", List.of("cerulean.test")).certificateDnsNames()).containsExactly(
                "localhost", "management.azure.com", "management.core.windows.net", "login.microsoftonline.com",
                "login.windows.net", "login.microsoft.com", "sts.windows.net", "graph.microsoft.com", "*.azurecr.local", "*.api.azureml.ms",
                "*.experiments.azureml.net", "*.modelmanagement.azureml.net", "cerulean.test");
    }

    @Test
    void constraintDomainsCoverEveryCertificateName() {
        ServedNames withExtras = ServedNames.of("azurecr.local", List.of("*.apps.test", "one.test"));
        for (String name : withExtras.certificateDnsNames()) {
            assertThat(ServedNames.isCovered(name, withExtras.constraintDomains())).as(name).isTrue();
        }
        assertThat(withExtras.constraintDomains()).contains("azurecr.local", "apps.test", "one.test", "aether.ms",
                "studioservice.azureml.com");
    }

    @Test
    void coverageRespectsLabelBoundaries() {
        assertThat(ServedNames.isCovered("x.azurecr.io", List.of("azurecr.io"))).isTrue();
        assertThat(ServedNames.isCovered("azurecr.io", List.of("azurecr.io"))).isTrue();
        assertThat(ServedNames.isCovered("evilazurecr.io", List.of("azurecr.io"))).isFalse();
    }

    @Test
    void extraNameThatIsNotADnsNameIsRejected() {
        assertThatThrownBy(() -> ServedNames.of("azurecr.io", List.of("bad name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a DNS name: 'bad name'");
        assertThatThrownBy(() -> ServedNames.of("azurecr.io", List.of("10.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a DNS name: '10.0.0.1'");
    }

    @Test
    void wildcardRegistrySuffixIsRejected() {
        assertThatThrownBy(() -> ServedNames.of("*.azurecr.io", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registry suffix must not be a wildcard: *.azurecr.io");
    }
}
