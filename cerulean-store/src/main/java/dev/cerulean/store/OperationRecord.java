package dev.cerulean.store;

import java.time.Instant;

/**
 * A long-running operation: what {@code Azure-AsyncOperation} and {@code Location} URLs report.
 *
 * @param id           opaque operation id (a GUID)
 * @param resourceKey  key of the resource the operation acts on
 * @param kind         what it does, e.g. {@code create}, {@code delete}, {@code action:generateCredentials}
 * @param status       {@code InProgress}, {@code Succeeded}, {@code Failed} or {@code Canceled}
 * @param pollsLeft    how many more polls answer InProgress before the operation completes
 * @param result       JSON returned when the operation completes (the action's result), or null
 * @param error        JSON error object when Failed, or null
 */
public record OperationRecord(String id, String resourceKey, String kind, String status, int pollsLeft,
                              String result, String error, Instant startedAt, Instant endedAt) {}
