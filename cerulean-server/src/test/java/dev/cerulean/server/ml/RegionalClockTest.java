package dev.cerulean.server.ml;

import dev.cerulean.core.json.Json;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The regional data plane tells time by the server's clock, not the system's. */
class RegionalClockTest {

    private static final Instant THEN = Instant.parse("2031-02-03T04:05:06Z");
    private final Stores stores = JdbcStores.open(new StoreSettings.SqliteInMemory());

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void recordsAreStampedByTheInjectedClock() {
        String id = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws";
        ResourceRecord workspace = new ResourceRecord(id.toLowerCase(), id, "s1", "rg", "microsoft.machinelearningservices/workspaces",
                "/subscriptions/s1/resourcegroups/rg", "ws", "westus", true, "{}", "\"e\"", Instant.EPOCH, Instant.EPOCH);
        stores.resources().put(workspace, WriteCondition.ABSENT);
        WorkspaceRecords records = new WorkspaceRecords(stores.resources(), Clock.fixed(THEN, ZoneOffset.UTC));
        WorkspaceRecords.Workspace ws = records.workspace("s1", "rg", "ws").orElseThrow();

        assertThat(records.put(ws, "models", "m:1", Json.object(), true)).isTrue();
        ResourceRecord stored = stores.resources().get(id.toLowerCase() + "/models/m:1").orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(THEN);
        assertThat(stored.changedAt()).isEqualTo(THEN);
    }

    @Test
    void runHistoryErrorsCarryTheGivenTime() {
        var body = RegionalErrors.runHistoryBody(RegionalErrors.notFound("Run r"), "westus", THEN);
        assertThat(body.get("time").asText()).isEqualTo("2031-02-03T04:05:06Z");
        assertThat(body.at("/error/innerError/code").asText()).isEqualTo("NotFound");
    }
}
