package dev.cerulean.store;

import java.time.Instant;

/**
 * An application registration (Graph {@code application}) in its home tenant.
 *
 * @param objectId the application object's id ({@code /applications/{id}}), distinct from {@code appId}
 * @param appId    the client id shared with its service principal
 * @param document JSON object of the further Graph properties kept as sent (identifierUris, web, ...)
 */
public record Application(String tenantId, String objectId, String appId, String displayName, String document,
                          Instant createdAt) {}
