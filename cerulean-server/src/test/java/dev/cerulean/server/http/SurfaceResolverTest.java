package dev.cerulean.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SurfaceResolverTest {

    private final SurfaceResolver surfaces = new SurfaceResolver(".azurecr.io");

    @Test
    void pathsSelectTheirSurfaceWhateverTheCase() {
        assertThat(surfaces.byPath("/Subscriptions/x/resourceGroups/g")).isEqualTo(Surface.ARM);
        assertThat(surfaces.byPath("/subscriptions")).isEqualTo(Surface.ARM);
        assertThat(surfaces.byPath("/TENANTS")).isEqualTo(Surface.ARM);
        assertThat(surfaces.byPath("/providers/Microsoft.Resources/operations")).isEqualTo(Surface.ARM);
        assertThat(surfaces.byPath("/metadata/endpoints")).isEqualTo(Surface.ARM);
        assertThat(surfaces.byPath("/cerulean/health")).isEqualTo(Surface.OPS);
        assertThat(surfaces.byPath("/Graph/v1.0/me")).isEqualTo(Surface.GRAPH);
        assertThat(surfaces.byPath("/graph")).isEqualTo(Surface.GRAPH);
        assertThat(surfaces.byPath("/v2/")).isEqualTo(Surface.REGISTRY);
        assertThat(surfaces.byPath("/acr/v1/_catalog")).isEqualTo(Surface.REGISTRY);
        assertThat(surfaces.byPath("/OAuth2/Token")).isEqualTo(Surface.REGISTRY);
        assertThat(surfaces.byPath("/oauth2/exchange")).isEqualTo(Surface.REGISTRY);
    }

    @Test
    void lookAlikePrefixesAreNotTheirSurface() {
        assertThat(surfaces.byPath("/subscriptionsx")).isEqualTo(Surface.ENTRA);
        assertThat(surfaces.byPath("/graphs")).isEqualTo(Surface.ENTRA);
        assertThat(surfaces.byPath("/v22")).isEqualTo(Surface.ENTRA);
        assertThat(surfaces.byPath("/metadata")).isEqualTo(Surface.ENTRA);
        assertThat(surfaces.byPath("/tenant-id/oauth2/token")).isEqualTo(Surface.ENTRA);
    }

    @Test
    void azureHostNamesSelectTheirSurface() {
        assertThat(surfaces.byHost(SurfaceResolver.hostName("Management.Azure.com:443"))).isEqualTo(Surface.ARM);
        assertThat(surfaces.byHost(SurfaceResolver.hostName("login.microsoftonline.com"))).isEqualTo(Surface.ENTRA);
        assertThat(surfaces.byHost(SurfaceResolver.hostName("myreg.azurecr.io"))).isEqualTo(Surface.REGISTRY);
        assertThat(surfaces.byHost(SurfaceResolver.hostName("127.0.0.1:8443"))).isNull();
    }
}
