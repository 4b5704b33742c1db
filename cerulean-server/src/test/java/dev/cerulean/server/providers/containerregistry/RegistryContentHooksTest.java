package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.store.RegistryRecords.Blob;
import dev.cerulean.store.Stores;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static org.assertj.core.api.Assertions.assertThat;

/** The provider's link to the data plane's content: deletes cascade into it, listUsages reports its bytes. */
class RegistryContentHooksTest {

    private final Stores stores = JdbcStores.open(StoreSettings.inMemory());
    private final AcrTestbed bed = new AcrTestbed();
    private final ContainerRegistryProvider provider;

    RegistryContentHooksTest() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        provider = new ContainerRegistryProvider(bed.store, bed.secrets, bed.clock, ".azurecr.io", SecretSealer.fromKey(key),
                () -> List.of(AcrTestbed.SUB), stores.registry());
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void deletingARegistryDeletesItsContentAndUsagesCountStoredBytes() {
        ObjectNode doc = bed.createRegistry("rg", "contentreg", "Standard");
        String key = ResourceId.parse(registryId("rg", "contentreg")).key();
        Instant now = Instant.now();
        stores.registry().putBlob(new Blob("sha256:" + "a".repeat(64), 1234, now));
        stores.registry().ensureRepository(key, "app", now);
        stores.registry().link(key, "app", "sha256:" + "a".repeat(64), now);

        JsonNode usages = provider.usages(doc);
        assertThat(usages.get("value").get(0).get("name").asText()).isEqualTo("Size");
        assertThat(usages.get("value").get(0).get("currentValue").asLong()).isEqualTo(1234);

        ResourceTypeSpec registries = provider.resourceTypes().get(0);
        registries.behavior().afterDelete(new DeleteContext(ResourceId.parse(registryId("rg", "contentreg")), doc, true, null));
        assertThat(stores.registry().repositoryNames(key, null, 10)).isEmpty();
        assertThat(provider.usages(doc).get("value").get(0).get("currentValue").asLong()).isZero();
    }
}
