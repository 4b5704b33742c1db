package dev.cerulean.server.providers.authorization;

import dev.cerulean.server.arm.spi.ExtensionRequest;
import dev.cerulean.server.arm.spi.ExtensionResponse;
import dev.cerulean.server.arm.spi.ExtensionTypes;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;

import java.util.List;

/**
 * {@code Microsoft.Authorization}: role definitions and role assignments, extension types served
 * under every scope (graph-rbac.md §3). Every api-version is answered with one JSON shape
 * (2015-07-01 through 2022-04-01 differ only in fields clients ignore).
 */
public final class AuthorizationProvider implements ResourceProvider, ExtensionTypes {

    public static final String NAMESPACE = "Microsoft.Authorization";

    private final RoleDefinitions definitions;
    private final RoleAssignments assignments;
    private final Runnable onChange;

    AuthorizationProvider(RoleDefinitions definitions, RoleAssignments assignments, Runnable onChange) {
        this.definitions = definitions;
        this.assignments = assignments;
        this.onChange = onChange;
    }

    @Override public String namespace() { return NAMESPACE; }
    @Override public List<ResourceTypeSpec> resourceTypes() { return List.of(); }
    @Override public ExtensionTypes extensionTypes() { return this; }
    @Override public List<String> types() { return List.of("roleAssignments", "roleDefinitions"); }

    /** What az releases, the SDKs, Bicep and Terraform send (graph-rbac.md §3.1). */
    @Override
    public List<String> apiVersions() {
        return List.of("2022-04-01", "2020-10-01-preview", "2020-04-01-preview", "2018-09-01-preview", "2018-01-01-preview",
                "2015-07-01");
    }

    @Override
    public ExtensionResponse handle(ExtensionRequest request) {
        ExtensionResponse answer = request.type().equals("roleAssignments") ? assignments.handle(request)
                : definitions.handle(request);
        // the write has committed: the next request sees it (graph-rbac.md §5.5)
        if (!request.method().equals("GET")) onChange.run();
        return answer;
    }
}
