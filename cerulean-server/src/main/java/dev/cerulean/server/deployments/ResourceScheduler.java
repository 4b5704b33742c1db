package dev.cerulean.server.deployments;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.templates.PlannedResource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs a deployment's resources as their dependencies allow (deployments.md §2.5): a resource starts
 * once everything it depends on has succeeded, up to {@code parallel} at a time, so independent
 * branches deploy concurrently; a serial copy loop's batches are already edges of the plan's graph.
 * A failed resource fails its dependents, which are never attempted, while independent ones go on.
 * The calling thread coordinates; the work runs on {@code executor}.
 */
final class ResourceScheduler {
    private final Executor executor;
    private final int parallel;

    ResourceScheduler(Executor executor, int parallel) {
        this.executor = executor;
        this.parallel = parallel;
    }

    /** What happened: successes and failures in plan order; dependents of failures are in neither. */
    record Result(List<PlannedResource> succeeded, Map<PlannedResource, ApiError> failures, boolean canceled) {}

    private record Done(int index, ApiError error) {}

    /** Runs {@code deploy} (null when the resource succeeded) for each of {@code resources}, given in dependency order. */
    Result run(List<PlannedResource> resources, AtomicBoolean cancel, Function<PlannedResource, ApiError> deploy) {
        int n = resources.size();
        Map<String, List<Integer>> byId = new HashMap<>();
        for (int i = 0; i < n; i++) byId.computeIfAbsent(key(resources.get(i).id()), k -> new ArrayList<>()).add(i);
        int[] pending = new int[n];
        List<List<Integer>> dependents = new ArrayList<>();
        for (int i = 0; i < n; i++) dependents.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            for (String dep : resources.get(i).dependsOn()) {
                for (int j : byId.getOrDefault(key(dep), List.of())) {
                    if (j == i) continue;
                    pending[i]++;
                    dependents.get(j).add(i);
                }
            }
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) if (pending[i] == 0) ready.add(i);
        boolean[] skipped = new boolean[n];
        ApiError[] errors = new ApiError[n];
        boolean[] ok = new boolean[n];
        BlockingQueue<Done> finished = new LinkedBlockingQueue<>();
        int inFlight = 0;
        boolean canceled = false;
        while (true) {
            while (inFlight < parallel && !ready.isEmpty()) {
                if (cancel.get()) { canceled = true; ready.clear(); break; }
                int i = ready.poll();
                PlannedResource r = resources.get(i);
                inFlight++;
                executor.execute(() -> {
                    ApiError error;
                    try {
                        error = deploy.apply(r);
                    } catch (RuntimeException e) {
                        error = ApiError.of(500, "InternalServerError", "The resource deployment failed unexpectedly.");
                    }
                    finished.add(new Done(i, error));
                });
            }
            if (inFlight == 0) break;
            Done d = take(finished);
            inFlight--;
            if (d.error() != null) {
                errors[d.index()] = d.error();
                skipDependents(d.index(), dependents, skipped);
                continue;
            }
            ok[d.index()] = true;
            for (int k : dependents.get(d.index())) {
                if (--pending[k] == 0 && !skipped[k]) ready.add(k);
            }
        }
        List<PlannedResource> succeeded = new ArrayList<>();
        Map<PlannedResource, ApiError> failures = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (ok[i]) succeeded.add(resources.get(i));
            else if (errors[i] != null) failures.put(resources.get(i), errors[i]);
        }
        return new Result(succeeded, failures, canceled);
    }

    private static void skipDependents(int failed, List<List<Integer>> dependents, boolean[] skipped) {
        ArrayDeque<Integer> todo = new ArrayDeque<>(dependents.get(failed));
        while (!todo.isEmpty()) {
            int k = todo.poll();
            if (skipped[k]) continue;
            skipped[k] = true;
            todo.addAll(dependents.get(k));
        }
    }

    private static Done take(BlockingQueue<Done> finished) {
        try {
            return finished.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("deployment interrupted", e);
        }
    }

    private static String key(String id) { return id.toLowerCase(Locale.ROOT); }
}
