package dev.cerulean.store.jdbc;

import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import dev.cerulean.store.contract.SampleRecords;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child process of {@link SqliteDurabilityTest}: writes numbered records to a SQLite file and
 * prints {@code ACK <n>} once write n has returned, until it is killed. Even writes are single
 * statements, odd ones a transaction over a resource and a secret.
 */
public final class DurabilityWriter {

    private DurabilityWriter() {}

    static ResourceRecord record(int n) {
        return SampleRecords.registry(SampleRecords.SUBSCRIPTION, "durable", "reg" + n);
    }

    static SecretRecord secret(int n) {
        return new SecretRecord(record(n).key(), "password", "hash", "v" + n, Instant.ofEpochMilli(n), null);
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(file))) {
            for (int n = 0; n < count; n++) {
                int i = n;
                if (n % 2 == 0) {
                    stores.resources().put(record(n), WriteCondition.ABSENT);
                } else {
                    stores.transactions().run(() -> {
                        stores.resources().put(record(i), WriteCondition.ABSENT);
                        stores.secrets().put(secret(i));
                    });
                }
                System.out.println("ACK " + n);
                System.out.flush();
            }
        }
    }
}
