package dev.cerulean.server.arm.spi;

/**
 * Who made an ARM request, as ARM's systemData records it.
 *
 * @param tenantId      the token's tenant
 * @param objectId      the caller's object id
 * @param name          upn for users, app id for applications
 * @param type          {@code User} or {@code Application}
 */
public record Caller(String tenantId, String objectId, String name, String type) {}
