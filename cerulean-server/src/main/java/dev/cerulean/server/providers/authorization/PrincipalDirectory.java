package dev.cerulean.server.providers.authorization;

import java.util.Optional;

/**
 * The directory role assignments name principals from: is this object id a principal of the
 * tenant, and of which type ({@code ServicePrincipal}, {@code User} or {@code Group}). Kept small so
 * the Microsoft Graph directory can stand behind it.
 */
@FunctionalInterface
public interface PrincipalDirectory {
    Optional<String> principalType(String tenantId, String objectId);
}
