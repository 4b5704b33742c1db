package dev.cerulean.server.arm;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.server.arm.builtin.Subscriptions;
import dev.cerulean.server.arm.generic.Scopes;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.ExtensionRequest;
import dev.cerulean.server.arm.spi.ExtensionResponse;
import dev.cerulean.server.arm.spi.ExtensionTypes;
import dev.cerulean.server.arm.spi.ResourceProvider;

import java.util.List;

/**
 * Extension resources, {@code {scope}/providers/{namespace}/{type}[/{name}]} under the tenant root,
 * a subscription, a resource group or any resource (graph-rbac.md §3.2), for providers that
 * declare {@link ExtensionTypes}. The scope must exist; the request is authorized as
 * {@code {namespace}/{type}/{verb}} at the scope.
 */
final class ExtensionRoutes {

    /** A path split into scope, provider and type: {@code scopeSegments} end before the last matching {@code providers}. */
    record Match(List<String> scopeSegments, ResourceProvider provider, String type, String name) {}

    private final ProviderRegistry registry;
    private final ArmPipeline pipeline;
    private final Subscriptions subscriptions;
    private final Scopes scopes;
    private final ArmAuthorization authorization;

    ExtensionRoutes(ProviderRegistry registry, ArmPipeline pipeline, Subscriptions subscriptions, Scopes scopes,
                    ArmAuthorization authorization) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.subscriptions = subscriptions;
        this.scopes = scopes;
        this.authorization = authorization;
    }

    /** The extension route of a path, or null when it is not one. */
    Match match(List<String> segments) {
        for (int i = segments.size() - 2; i >= 0; i--) {
            if (!segments.get(i).equalsIgnoreCase("providers")) continue;
            if (i != 0 && i < 2) continue;
            int rest = segments.size() - i - 2;
            if (rest < 1 || rest > 2) continue;
            ResourceProvider p = registry.extensionProvider(segments.get(i + 1));
            if (p == null) continue;
            String type = declared(p.extensionTypes(), segments.get(i + 2));
            if (type == null) continue;
            return new Match(segments.subList(0, i), p, type, rest == 2 ? segments.get(i + 3) : null);
        }
        return null;
    }

    ArmResponse handle(ArmRequest req, Caller caller, Match m) {
        ResourceId scope = null;
        if (!m.scopeSegments().isEmpty()) {
            if (!m.scopeSegments().get(0).equalsIgnoreCase("subscriptions") || m.scopeSegments().size() < 2) {
                throw ArmErrors.notFound(req.path());
            }
            subscriptions.check(m.scopeSegments().get(1), caller);
            scope = ResourceId.parse("/" + String.join("/", m.scopeSegments()));
            if (scope == null) throw ArmErrors.notFound(req.path());
        }
        String apiVersion = pipeline.apiVersion(req.queryParam("api-version"), m.provider().extensionTypes().apiVersions());
        String scopeText = scope == null ? "/" : scope.id();
        // reads at the tenant root are open to every token of the tenant, like the other tenant-level reads (§5.4)
        if (scope != null || !ArmAuthorization.verb(req.method()).equals("read")) {
            String target = (scope == null ? "" : scope.id()) + "/providers/" + m.provider().namespace() + "/" + m.type()
                    + (m.name() == null ? "" : "/" + m.name());
            authorization.require(caller, m.provider().namespace() + "/" + m.type() + "/" + ArmAuthorization.verb(req.method()),
                    scopeText, target);
        }
        if (scope != null && !scope.isSubscription()) scopes.requireExisting(scope);
        ExtensionResponse answer = m.provider().extensionTypes().handle(new ExtensionRequest(req.method(), scope, m.type(),
                m.name(), req::queryParam, req::jsonObject, caller, apiVersion));
        return answer.body() == null ? ArmResponse.empty(answer.status()) : ArmResponse.json(answer.status(), answer.body());
    }

    private static String declared(ExtensionTypes types, String segment) {
        for (String t : types.types()) {
            if (t.equalsIgnoreCase(segment)) return t;
        }
        return null;
    }
}
