package dev.cerulean.server.deployments;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.templates.PlannedResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceSchedulerTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() { pool.shutdownNow(); }

    private static PlannedResource res(String name, String... dependsOn) {
        List<String> deps = new ArrayList<>();
        for (String d : dependsOn) deps.add("/x/" + d);
        return new PlannedResource(null, "resources[0]", "T/t", "1", name, "/x/" + name, true, false, null, -1, deps, Json.object(), null);
    }

    @Test
    void independentResourcesRunConcurrentlyUpToTheBound() {
        List<PlannedResource> rs = new ArrayList<>();
        for (int i = 0; i < 20; i++) rs.add(res("r" + i));
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        var result = new ResourceScheduler(pool, 4).run(rs, new AtomicBoolean(), r -> {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            sleep(10);
            now.decrementAndGet();
            return null;
        });
        assertThat(result.succeeded()).containsExactlyElementsOf(rs);
        assertThat(peak.get()).isBetween(2, 4);
    }

    @Test
    void aResourceStartsOnlyAfterItsDependenciesAndAFailureSkipsItsDependents() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<PlannedResource> rs = List.of(res("a"), res("b", "a"), res("c", "b"), res("d"), res("e", "d"));
        var result = new ResourceScheduler(pool, 4).run(rs, new AtomicBoolean(), r -> {
            order.add(r.name());
            return r.name().equals("b") ? ApiError.of(400, "Bad", "no") : null;
        });
        assertThat(order).doesNotContain("c");
        assertThat(order.indexOf("a")).isLessThan(order.indexOf("b"));
        assertThat(order.indexOf("d")).isLessThan(order.indexOf("e"));
        assertThat(result.succeeded()).extracting(PlannedResource::name).containsExactly("a", "d", "e");
        assertThat(result.failures().keySet()).extracting(PlannedResource::name).containsExactly("b");
        assertThat(result.canceled()).isFalse();
    }

    @Test
    void cancelStopsStartingResources() {
        AtomicBoolean cancel = new AtomicBoolean();
        List<PlannedResource> rs = List.of(res("a"), res("b", "a"), res("c", "b"));
        var result = new ResourceScheduler(pool, 4).run(rs, cancel, r -> {
            cancel.set(true);
            return null;
        });
        assertThat(result.canceled()).isTrue();
        assertThat(result.succeeded()).extracting(PlannedResource::name).containsExactly("a");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
