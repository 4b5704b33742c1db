package dev.cerulean.it.rbac;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.models.BuiltInRole;
import com.azure.resourcemanager.authorization.models.RoleAssignment;
import com.azure.resourcemanager.authorization.models.RoleDefinition;
import dev.cerulean.it.arm.JavaSdkIT;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Azure SDK for Java's azure-resourcemanager-authorization (api-version 2022-04-01) against role definitions and assignments. */
class AuthorizationSdkIT {

    @Test
    void assignListGetAndDeleteWithTheFluentApi() {
        CeruleanServer server = TestServers.shared();
        RbacFixtures fx = new RbacFixtures(server);
        fx.createGroup("rbac-sdk");
        String rg = "/subscriptions/" + fx.sub() + "/resourceGroups/rbac-sdk";
        RbacFixtures.Principal p = fx.newPrincipal("sdk");
        AuthorizationManager auth = AuthorizationManager.authenticate(JavaSdkIT.credential(server), JavaSdkIT.profile(server));

        RoleDefinition acrPush = auth.roleDefinitions().getByScopeAndRoleName(rg, "AcrPush");
        assertThat(acrPush.id()).endsWith("/roleDefinitions/8311e382-0749-4cb8-b61a-304f252e45ec");
        assertThat(acrPush.permissions().iterator().next().actions())
                .contains("Microsoft.ContainerRegistry/registries/push/write");
        RoleDefinition owner = auth.roleDefinitions().getById(
                "/subscriptions/" + fx.sub() + "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
        assertThat(owner.roleName()).isEqualTo("Owner");

        String name = UUID.randomUUID().toString();
        RoleAssignment a = auth.roleAssignments().define(name).forObjectId(p.objectId())
                .withBuiltInRole(BuiltInRole.READER).withResourceGroupScope(
                        com.azure.resourcemanager.resources.ResourceManager.authenticate(JavaSdkIT.credential(server),
                                JavaSdkIT.profile(server)).withSubscription(fx.sub()).resourceGroups().getByName("rbac-sdk"))
                .create();
        assertThat(a.name()).isEqualTo(name);
        assertThat(a.principalId()).isEqualTo(p.objectId());
        assertThat(a.scope()).isEqualTo(rg);
        assertThat(a.roleDefinitionId()).endsWith("/acdd72a7-3385-48ef-bd42-f606fba81ae7");

        assertThat(auth.roleAssignments().listByScope(rg).stream().map(RoleAssignment::name)).contains(name);
        assertThat(auth.roleAssignments().getByScope(rg, name).principalId()).isEqualTo(p.objectId());
        assertThat(fx.as(fx.token(p), "GET", rg + "?api-version=2021-04-01", null).status()).isEqualTo(200);

        assertThatThrownBy(() -> auth.roleAssignments().define(UUID.randomUUID().toString()).forObjectId(p.objectId())
                .withBuiltInRole(BuiltInRole.READER).withScope(rg).create())
                .isInstanceOfSatisfying(ManagementException.class,
                        e -> assertThat(e.getValue().getCode()).isEqualTo("RoleAssignmentExists"));

        auth.roleAssignments().deleteById(a.id());
        assertThat(auth.roleAssignments().listByScope(rg).stream().map(RoleAssignment::name)).doesNotContain(name);
        assertThat(fx.as(fx.token(p), "GET", rg + "?api-version=2021-04-01", null).status()).isEqualTo(403);
    }
}
