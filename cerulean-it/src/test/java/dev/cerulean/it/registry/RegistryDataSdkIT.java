package dev.cerulean.it.registry;

import com.azure.containers.containerregistry.ContainerRegistryClient;
import com.azure.containers.containerregistry.ContainerRegistryClientBuilder;
import com.azure.containers.containerregistry.ContainerRegistryContentClient;
import com.azure.containers.containerregistry.ContainerRegistryContentClientBuilder;
import com.azure.containers.containerregistry.ContainerRepository;
import com.azure.containers.containerregistry.RegistryArtifact;
import com.azure.containers.containerregistry.models.ArtifactManifestProperties;
import com.azure.containers.containerregistry.models.ArtifactTagProperties;
import com.azure.containers.containerregistry.models.ContainerRegistryAudience;
import com.azure.containers.containerregistry.models.GetManifestResult;
import com.azure.containers.containerregistry.models.ManifestMediaType;
import com.azure.containers.containerregistry.models.OciDescriptor;
import com.azure.containers.containerregistry.models.OciImageManifest;
import com.azure.containers.containerregistry.models.UploadRegistryBlobResult;
import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.ProxyOptions;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Configuration;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry data plane through the Azure SDK for Java ({@code azure-containers-containerregistry}
 * 1.2.6): {@code ContainerRegistryContentClient} uploads blobs and a manifest and downloads them,
 * {@code ContainerRegistryClient} lists repositories, tags and manifests. The SDK answers the
 * registry's challenge itself: it asks Entra for a token of its {@code audience}, trades it at
 * {@code /oauth2/exchange} and then at {@code /oauth2/token} (acr.md §5.4-5.5). Its requests go to the
 * login server through Cerulean's proxy (the Host header picks the registry; clients.md §8); the
 * credentials reach Entra at {@code https://localhost:<port>}.
 */
class RegistryDataSdkIT {

    private static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";
    private static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";

    static CeruleanServer server;
    static AcrFixtures fx;
    static String rg;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        rg = fx.resourceGroup("sdkdata-");
    }

    /** The development service principal's secret, ARM audience (what az and the SDK samples use). */
    @Test
    void uploadListAndDownloadWithAClientSecretCredential() {
        String registry = AcrFixtures.unique("sdkdata");
        fx.registry(rg, registry, "Standard", false);
        var c = server.config();
        TokenCredential credential = new ClientSecretCredentialBuilder().tenantId(c.tenantId()).clientId(c.clientId())
                .clientSecret(c.clientSecret()).authorityHost(authority()).disableInstanceDiscovery().build();
        ContainerRegistryAudience audience = ContainerRegistryAudience.AZURE_RESOURCE_MANAGER_PUBLIC_CLOUD;
        ContainerRegistryContentClient content = content(registry, "sdk/hello", credential, audience);

        byte[] layer = new byte[5 * 1024 * 1024 + 123]; // over the SDK's 4 MiB chunk: a chunked upload
        new Random(7).nextBytes(layer);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes();
        UploadRegistryBlobResult uploadedLayer = content.uploadBlob(BinaryData.fromBytes(layer));
        UploadRegistryBlobResult uploadedConfig = content.uploadBlob(BinaryData.fromBytes(config));
        assertThat(uploadedLayer.getDigest()).isEqualTo(sha256(layer));
        assertThat(uploadedLayer.getSizeInBytes()).isEqualTo(layer.length);
        assertThat(uploadedConfig.getDigest()).isEqualTo(sha256(config));

        OciImageManifest manifest = new OciImageManifest().setSchemaVersion(2)
                .setConfiguration(descriptor(CONFIG_TYPE, uploadedConfig))
                .setLayers(List.of(descriptor(LAYER_TYPE, uploadedLayer)));
        String digest = content.setManifest(manifest, "v1").getDigest();
        assertThat(digest).startsWith("sha256:");

        GetManifestResult got = content.getManifest("v1");
        assertThat(got.getDigest()).isEqualTo(digest);
        assertThat(got.getManifestMediaType()).isEqualTo(ManifestMediaType.OCI_IMAGE_MANIFEST);
        OciImageManifest read = got.getManifest().toObject(OciImageManifest.class);
        assertThat(read.getLayers()).extracting(OciDescriptor::getDigest).containsExactly(uploadedLayer.getDigest());
        assertThat(content.getManifest(digest).getDigest()).isEqualTo(digest);

        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        content.downloadStream(uploadedLayer.getDigest(), Channels.newChannel(downloaded));
        assertThat(downloaded.toByteArray()).isEqualTo(layer);

        ContainerRegistryClient client = registryClient(registry, credential, audience);
        assertThat(client.listRepositoryNames().stream()).containsExactly("sdk/hello");
        ContainerRepository repository = client.getRepository("sdk/hello");
        assertThat(repository.getProperties().getManifestCount()).isEqualTo(1);
        assertThat(repository.getProperties().getTagCount()).isEqualTo(1);
        assertThat(repository.listManifestProperties().stream().map(ArtifactManifestProperties::getDigest)).containsExactly(digest);
        RegistryArtifact artifact = client.getArtifact("sdk/hello", "v1");
        assertThat(artifact.getManifestProperties().getDigest()).isEqualTo(digest);
        assertThat(artifact.getManifestProperties().getTags()).containsExactly("v1");
        assertThat(artifact.listTagProperties().stream().map(ArtifactTagProperties::getName)).containsExactly("v1");

        artifact.deleteTag("v1");
        assertThat(repository.getProperties().getTagCount()).isZero();
        content.deleteManifest(digest);
        assertThatThrownBy(() -> content.getManifest(digest)).isInstanceOfSatisfying(HttpResponseException.class,
                e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(404));
        client.deleteRepository("sdk/hello");
        assertThat(client.listRepositoryNames().stream()).isEmpty();
    }

    /**
     * {@code DefaultAzureCredential} configured as a user does it, with AZURE_CLIENT_ID, AZURE_CLIENT_SECRET,
     * AZURE_TENANT_ID and AZURE_AUTHORITY_HOST (given here as the credential's configuration, the values
     * its environment credential reads), and ACR's own audience.
     */
    @Test
    void uploadAndDownloadWithDefaultAzureCredentialFromTheEnvironment() {
        String registry = AcrFixtures.unique("sdkenv");
        fx.registry(rg, registry, "Basic", false);
        var c = server.config();
        Configuration environment = Configuration.getGlobalConfiguration().clone()
                .put("AZURE_CLIENT_ID", c.clientId()).put("AZURE_CLIENT_SECRET", c.clientSecret())
                .put("AZURE_TENANT_ID", c.tenantId()).put("AZURE_AUTHORITY_HOST", authority());
        TokenCredential credential = new DefaultAzureCredentialBuilder().configuration(environment).disableInstanceDiscovery().build();
        ContainerRegistryAudience audience = ContainerRegistryAudience.fromString("https://containerregistry.azure.net");
        ContainerRegistryContentClient content = content(registry, "env/app", credential, audience);

        byte[] layer = "a small layer".getBytes();
        byte[] config = "{}".getBytes();
        UploadRegistryBlobResult l = content.uploadBlob(BinaryData.fromBytes(layer));
        UploadRegistryBlobResult cfg = content.uploadBlob(BinaryData.fromBytes(config));
        String digest = content.setManifest(new OciImageManifest().setSchemaVersion(2).setConfiguration(descriptor(CONFIG_TYPE, cfg))
                .setLayers(List.of(descriptor(LAYER_TYPE, l))), "latest").getDigest();

        ContainerRegistryClient client = registryClient(registry, credential, audience);
        assertThat(client.listRepositoryNames().stream()).containsExactly("env/app");
        assertThat(client.getArtifact("env/app", "latest").getManifestProperties().getDigest()).isEqualTo(digest);
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        content.downloadStream(l.getDigest(), Channels.newChannel(downloaded));
        assertThat(downloaded.toByteArray()).isEqualTo(layer);
    }

    /** A wrong secret never gets past Entra: the SDK reports the credential's failure, nothing is stored. */
    @Test
    void aWrongSecretIsRefused() {
        String registry = AcrFixtures.unique("sdkbad");
        fx.registry(rg, registry, "Basic", false);
        var c = server.config();
        TokenCredential wrong = new ClientSecretCredentialBuilder().tenantId(c.tenantId()).clientId(c.clientId())
                .clientSecret("not-the-secret").authorityHost(authority()).disableInstanceDiscovery().build();
        ContainerRegistryContentClient content = content(registry, "bad/app", wrong, ContainerRegistryAudience.AZURE_RESOURCE_MANAGER_PUBLIC_CLOUD);
        assertThatThrownBy(() -> content.uploadBlob(BinaryData.fromString("x"))).isInstanceOf(RuntimeException.class);
        var admin = new ClientSecretCredentialBuilder().tenantId(c.tenantId()).clientId(c.clientId())
                .clientSecret(c.clientSecret()).authorityHost(authority()).disableInstanceDiscovery().build();
        assertThat(registryClient(registry, admin, ContainerRegistryAudience.AZURE_RESOURCE_MANAGER_PUBLIC_CLOUD)
                .listRepositoryNames().stream()).isEmpty();
    }

    private static String authority() {
        return "https://localhost:" + server.httpsPort() + "/";
    }

    private static HttpClient viaProxy() {
        return new NettyAsyncHttpClientBuilder()
                .proxy(new ProxyOptions(ProxyOptions.Type.HTTP, new InetSocketAddress("127.0.0.1", server.proxyPort()))).build();
    }

    private static ContainerRegistryContentClient content(String registry, String repository, TokenCredential credential,
                                                          ContainerRegistryAudience audience) {
        return new ContainerRegistryContentClientBuilder().endpoint("https://" + registry + ".azurecr.io").repositoryName(repository)
                .credential(credential).audience(audience).httpClient(viaProxy()).buildClient();
    }

    private static ContainerRegistryClient registryClient(String registry, TokenCredential credential, ContainerRegistryAudience audience) {
        return new ContainerRegistryClientBuilder().endpoint("https://" + registry + ".azurecr.io")
                .credential(credential).audience(audience).httpClient(viaProxy()).buildClient();
    }

    private static OciDescriptor descriptor(String mediaType, UploadRegistryBlobResult blob) {
        return new OciDescriptor().setMediaType(mediaType).setDigest(blob.getDigest()).setSizeInBytes(blob.getSizeInBytes());
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
