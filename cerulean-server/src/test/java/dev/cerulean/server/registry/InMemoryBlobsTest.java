package dev.cerulean.server.registry;

import dev.cerulean.server.registry.storage.BlobStore;
import dev.cerulean.server.registry.storage.Digests;
import dev.cerulean.store.Stores;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --in-memory} keeps nothing in the data dir: the registry's blob bytes go to a temporary directory. */
class InMemoryBlobsTest {

    @TempDir
    Path dataDir;

    @Test
    void blobBytesOfAnInMemoryServerStayOutOfTheDataDir() throws Exception {
        try (Stores stores = JdbcStores.open(StoreSettings.inMemory())) {
            RegistryWiring wiring = RegistryWiring.start(dataDir, true, ".azurecr.io", stores, RegistryTestbed.CREDENTIALS,
                    RegistryTestbed.ACCESS, Clock.systemUTC());
            byte[] bytes = "in memory".getBytes(StandardCharsets.UTF_8);
            BlobStore blobs = wiring.content().blobs();
            BlobStore.Staged staged = blobs.stage(new ByteArrayInputStream(bytes), 1 << 20);
            blobs.publish(staged);
            assertThat(staged.digest()).isEqualTo(Digests.of(bytes));
            try (var in = blobs.open(staged.digest(), 0)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            assertThat(dataDir.resolve("registry")).doesNotExist();
            try (var listing = Files.list(dataDir)) {
                assertThat(listing).isEmpty();
            }
        }
    }

    @Test
    void aFileBackedServerKeepsThemUnderTheDataDir() throws Exception {
        try (Stores stores = JdbcStores.open(StoreSettings.inMemory())) {
            RegistryWiring.start(dataDir, false, ".azurecr.io", stores, RegistryTestbed.CREDENTIALS, RegistryTestbed.ACCESS, Clock.systemUTC());
            assertThat(dataDir.resolve("registry/blobs")).isDirectory();
        }
    }
}
