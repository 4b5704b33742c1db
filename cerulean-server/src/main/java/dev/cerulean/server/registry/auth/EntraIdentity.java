package dev.cerulean.server.registry.auth;

/**
 * An Entra identity acting on a registry: a user or service principal from {@code /oauth2/exchange},
 * or a service principal by appId and secret. Its rights come from role assignments (acr.md §5.6).
 *
 * @param tenantId the identity's tenant (the registry's subscription's tenant)
 * @param objectId its object id, what role assignments name
 * @param subject  what tokens name it by: the UPN of a user, the appId of an application
 */
record EntraIdentity(String tenantId, String objectId, String subject) {}
