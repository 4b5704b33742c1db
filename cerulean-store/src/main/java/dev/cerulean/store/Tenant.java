package dev.cerulean.store;

import java.time.Instant;

/** An Entra tenant (directory). {@code tenantId} is a GUID; {@code defaultDomain} e.g. {@code cerulean.onmicrosoft.com}. */
public record Tenant(String tenantId, String displayName, String defaultDomain, Instant createdAt) {}
