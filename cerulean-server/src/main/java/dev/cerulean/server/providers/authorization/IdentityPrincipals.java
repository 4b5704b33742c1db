package dev.cerulean.server.providers.authorization;

import dev.cerulean.server.directory.DirectoryPrincipals;

import java.util.Locale;
import java.util.Optional;

/**
 * Role assignments' view of the directory: which kind of principal an object id is (service
 * principal, managed identity, user).
 */
public final class IdentityPrincipals implements PrincipalDirectory {

    private final DirectoryPrincipals directory;

    public IdentityPrincipals(DirectoryPrincipals directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> principalType(String tenantId, String objectId) {
        return directory.byObjectId(tenantId.toLowerCase(Locale.ROOT), objectId).map(p -> p.kind().armName());
    }
}
