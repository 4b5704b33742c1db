package dev.cerulean.server.arm.lro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.store.OperationRecord;
import dev.cerulean.store.OperationStore;
import dev.cerulean.store.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Long-running operations (arm.md §8). An operation reports {@code InProgress} for a configured
 * number of polls and completes on the next one, so tests are deterministic and never wait on a
 * clock. Completion runs the registered {@link Completion} for the operation's kind in one
 * transaction with the status change. Every in-progress answer carries {@code Retry-After: 1},
 * since az otherwise waits 30 s between polls (clients.md §4.3).
 */
public final class Operations {

    /** Finishes an operation of one kind and produces what the Location URL answers at the end. */
    @FunctionalInterface
    public interface Completion {
        ArmResponse complete(OperationRecord operation);
    }

    /** What a finished operation's Location URL answers on later polls. */
    @FunctionalInterface
    public interface Outcome {
        ArmResponse after(OperationRecord operation);
    }

    private record Kind(Completion completion, Outcome outcome) {}

    public static final String IN_PROGRESS = "InProgress";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    /** Internal field of a stored error: the HTTP status the Location URL answers with; never shown. */
    private static final String STATUS_FIELD = "cerulean.status";

    private final OperationStore store;
    private final Transactions transactions;
    private final Clock clock;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    public Operations(OperationStore store, Transactions transactions, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Registers how operations whose kind starts with {@code kindPrefix} complete. */
    public void register(String kindPrefix, Completion completion, Outcome outcome) {
        kinds.put(kindPrefix, new Kind(completion, outcome));
    }

    /** Records a new in-progress operation; call inside the transaction that starts the work. */
    public OperationRecord start(String kind, String resourceKey, int polls, String input) {
        OperationRecord op = new OperationRecord(UUID.randomUUID().toString(), resourceKey, kind, IN_PROGRESS,
                Math.max(0, polls), input, null, clock.instant(), null);
        store.create(op);
        return op;
    }

    /** Records an operation that already finished, for work done at once but answered in the async form. */
    public OperationRecord startCompleted(String kind, String resourceKey) {
        Instant now = clock.instant();
        OperationRecord op = new OperationRecord(UUID.randomUUID().toString(), resourceKey, kind, SUCCEEDED, 0, null,
                null, now, now);
        store.create(op);
        return op;
    }

    /** Records an operation that already failed, for work found to fail at once but answered in the async form. */
    public OperationRecord startFailed(String kind, String resourceKey, ApiError error) {
        Instant now = clock.instant();
        OperationRecord op = new OperationRecord(UUID.randomUUID().toString(), resourceKey, kind, FAILED, 0, null,
                storedError(error.status(), errorBody(error)), now, now);
        store.create(op);
        return op;
    }

    /**
     * What a {@link Completion} returns to fail its operation while keeping what it wrote (e.g. a
     * resource left in provisioningState Failed): the operation ends Failed with this error.
     */
    public static ArmResponse failure(ApiError error) {
        return ArmResponse.json(error.status(), Json.object().set("error", errorBody(error)));
    }

    private static ObjectNode errorBody(ApiError error) {
        ObjectNode err = Json.object();
        err.put("code", error.code());
        err.put("message", error.message());
        if (error.target() != null) err.put("target", error.target());
        if (!error.details().isEmpty()) {
            var details = err.putArray("details");
            for (ApiError.Detail d : error.details()) {
                ObjectNode n = details.addObject().put("code", d.code()).put("message", d.message());
                if (d.target() != null) n.put("target", d.target());
            }
        }
        return err;
    }

    private static String storedError(int status, ObjectNode error) {
        ObjectNode stored = error.deepCopy();
        stored.put(STATUS_FIELD, status);
        return Json.write(stored);
    }

    /** Body of the Azure-AsyncOperation URL: always 200, {@code status} tells the state. */
    public ArmResponse status(String operationId, String statusId) {
        OperationRecord op = advance(operationId).operation();
        ObjectNode body = Json.object();
        body.put("id", statusId);
        body.put("name", op.id());
        body.put("status", op.status());
        body.put("startTime", Json.armTime(op.startedAt()));
        if (op.endedAt() != null) {
            body.put("endTime", Json.armTime(op.endedAt()));
            body.put("percentComplete", 100.0);
        }
        if (op.error() != null) body.set("error", publicError(op.error()));
        ArmResponse r = ArmResponse.json(200, body);
        return IN_PROGRESS.equals(op.status()) ? r.withHeader("Retry-After", "1") : r;
    }

    /** The Location URL: 202 while in progress, then the operation's final answer. */
    public ArmResponse result(String operationId, String selfUrl) {
        Advanced a = advance(operationId);
        if (IN_PROGRESS.equals(a.operation().status())) {
            return ArmResponse.empty(202).withHeader("Location", selfUrl).withHeader("Retry-After", "1");
        }
        if (a.finalResponse() != null) return a.finalResponse();
        if (FAILED.equals(a.operation().status())) {
            ObjectNode stored = (ObjectNode) Json.parse(a.operation().error());
            int status = stored.path(STATUS_FIELD).asInt(400);
            return ArmResponse.json(status, Json.object().set("error", publicError(a.operation().error())));
        }
        return kindOf(a.operation()).outcome().after(a.operation());
    }

    private record Advanced(OperationRecord operation, ArmResponse finalResponse) {}

    /** Consumes one poll: decrements the countdown, or completes the operation when it reaches zero. */
    private Advanced advance(String operationId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            OperationRecord op = store.get(operationId).orElseThrow(() -> ArmErrors.operationNotFound(operationId));
            if (!IN_PROGRESS.equals(op.status())) return new Advanced(op, null);
            if (op.pollsLeft() > 0) {
                OperationRecord next = with(op, IN_PROGRESS, op.pollsLeft() - 1, op.result(), null, null);
                if (store.update(next, IN_PROGRESS, op.pollsLeft())) return new Advanced(next, null);
                continue; // another poller won the race; read again
            }
            Advanced done = complete(op);
            if (done != null) return done;
        }
        throw ArmErrors.conflict("The operation '" + operationId + "' is being updated concurrently; retry the request.");
    }

    /** Thrown inside the completion transaction to roll it back when another poller completed first. */
    private static final class RaceLost extends RuntimeException {
        RaceLost() { super(null, null, false, false); }
    }

    /** Runs the completion and the status change in one transaction; a failed completion changes nothing but the status. */
    private Advanced complete(OperationRecord op) {
        try {
            return transactions.inTransaction(() -> {
                ArmResponse response = kindOf(op).completion().complete(op);
                OperationRecord done = response != null && response.status() >= 400
                        ? with(op, FAILED, 0, null, storedError(response.status(),
                                (ObjectNode) Json.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).get("error")),
                                clock.instant())
                        : with(op, SUCCEEDED, 0, null, null, clock.instant());
                if (!store.update(done, IN_PROGRESS, 0)) throw new RaceLost();
                return new Advanced(done, response);
            });
        } catch (RaceLost e) {
            return null;
        } catch (ApiError e) {
            OperationRecord failed = with(op, FAILED, 0, null, storedError(e.status(), errorBody(e)), clock.instant());
            return store.update(failed, IN_PROGRESS, 0) ? new Advanced(failed, null) : null;
        }
    }

    private static ObjectNode publicError(String stored) {
        ObjectNode err = (ObjectNode) Json.parse(stored);
        err.remove(STATUS_FIELD);
        return err;
    }

    private Kind kindOf(OperationRecord op) {
        for (Map.Entry<String, Kind> e : kinds.entrySet()) {
            if (op.kind().startsWith(e.getKey())) return e.getValue();
        }
        throw new IllegalStateException("no completion registered for operation kind " + op.kind());
    }

    private static OperationRecord with(OperationRecord op, String status, int polls, String result, String error, Instant end) {
        return new OperationRecord(op.id(), op.resourceKey(), op.kind(), status, polls, result, error, op.startedAt(), end);
    }

    /** Azure-AsyncOperation URL for an operation of a provider namespace. */
    public static String statusUrl(String baseUrl, String subscriptionId, String namespace, String location,
                                   String operationId, String apiVersion) {
        return baseUrl + "/subscriptions/" + subscriptionId + "/providers/" + namespace + "/locations/" + location
                + "/operationStatuses/" + operationId + "?api-version=" + apiVersion;
    }

    /** Location URL for an operation of a provider namespace. */
    public static String resultUrl(String baseUrl, String subscriptionId, String namespace, String location,
                                   String operationId, String apiVersion) {
        return baseUrl + "/subscriptions/" + subscriptionId + "/providers/" + namespace + "/locations/" + location
                + "/operationResults/" + operationId + "?api-version=" + apiVersion;
    }
}
