package dev.cerulean.server.arm;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.server.arm.ProviderRegistry.ResolvedType;
import dev.cerulean.server.arm.builtin.CloudMetadata;
import dev.cerulean.server.arm.builtin.Providers;
import dev.cerulean.server.arm.builtin.ResourceGroups;
import dev.cerulean.server.arm.builtin.Subscriptions;
import dev.cerulean.server.arm.generic.Listing;
import dev.cerulean.server.arm.generic.ODataFilter;
import dev.cerulean.server.arm.generic.ResourceHandler;
import dev.cerulean.server.arm.lro.Operations;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.ProviderAction;
import dev.cerulean.store.ResourceQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ARM route table. Paths are parsed generically (arm.md §2) and matched case-insensitively;
 * {@link #dispatch} reads top to bottom as the list of every ARM endpoint Cerulean serves, with
 * the {@link ArmPipeline} checks applied in ARM's order on the way.
 */
public final class ArmRoutes {

    private final ArmPipeline pipeline;
    private final ProviderRegistry registry;
    private final Subscriptions subscriptions;
    private final ResourceGroups groups;
    private final Providers providers;
    private final ResourceHandler resources;
    private final Listing listing;
    private final Operations operations;
    private final CloudMetadata metadata;
    private final ArmAuthorization authorization;
    private final ExtensionRoutes extensionResources;

    /** Without RBAC enforcement (tests of the engine itself). */
    public ArmRoutes(ArmPipeline pipeline, ProviderRegistry registry, Subscriptions subscriptions, ResourceGroups groups,
                     Providers providers, ResourceHandler resources, Listing listing, Operations operations,
                     CloudMetadata metadata) {
        this(pipeline, registry, subscriptions, groups, providers, resources, listing, operations, metadata,
                ArmAuthorization.OFF);
    }

    public ArmRoutes(ArmPipeline pipeline, ProviderRegistry registry, Subscriptions subscriptions, ResourceGroups groups,
                     Providers providers, ResourceHandler resources, Listing listing, Operations operations,
                     CloudMetadata metadata, ArmAuthorization authorization) {
        this.authorization = authorization;
        this.extensionResources = new ExtensionRoutes(registry, pipeline, subscriptions, resources.scopes(), authorization);
        this.pipeline = pipeline;
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.groups = groups;
        this.providers = providers;
        this.resources = resources;
        this.listing = listing;
        this.operations = operations;
        this.metadata = metadata;
    }

    /**
     * Endpoints another package serves under {@code /subscriptions/{sub}} (the deployments engine);
     * {@code lower} and {@code orig} are the segments after the subscription id. Answers null when the
     * path is not its own.
     */
    public interface SubscriptionExtension {
        ArmResponse route(ArmRequest req, String subscriptionId, List<String> lower, List<String> orig);
    }

    private final List<SubscriptionExtension> extensions = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds endpoints of another package, consulted before the built-in ones under a subscription. */
    public void extend(SubscriptionExtension extension) {
        extensions.add(extension);
    }

    /** Endpoints of another package at tenant level ({@code /providers/...} without a subscription); null when not its own. */
    public interface TenantExtension {
        ArmResponse route(ArmRequest req, List<String> lower);
    }

    private final List<TenantExtension> tenantExtensions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void extendTenant(TenantExtension extension) {
        tenantExtensions.add(extension);
    }

    /** The one RBAC and lock enforcement, for extensions that serve their own resource types (deployments). */
    public ArmAuthorization authorization() {
        return authorization;
    }

    /** Path prefixes that belong to ARM, for the HTTP front. */
    public static final List<String> PREFIXES = List.of("/subscriptions", "/tenants", "/providers", "/metadata");

    /** Answers one request. {@code req.caller()} and {@code req.apiVersion()} are filled in here. */
    public ArmResponse dispatch(ArmRequest raw, boolean publicHost) {
        List<String> s = lower(raw.segments());
        String m = raw.method();
        if (is(s, "metadata", "endpoints")) {
            return metadata.endpoints(raw.baseUrl(), raw.queryParam("api-version"), publicHost);
        }
        Caller caller = pipeline.authenticate(raw.header("Authorization"));
        ExtensionRoutes.Match extension = extensionResources.match(raw.segments());
        if (extension != null) return extensionResources.handle(raw, caller, extension);
        if (s.size() >= 2 && s.get(0).equals("subscriptions")) {
            subscriptions.check(raw.segments().get(1), caller);
            return subscriptionScope(raw, caller, raw.segments().get(1), s.subList(2, s.size()), raw.segments().subList(2, s.size()));
        }
        ArmRequest req = with(raw, caller, pipeline.apiVersion(raw.queryParam("api-version"), Subscriptions.API_VERSIONS));
        if (is(s, "subscriptions")) return get(m, () -> subscriptions.list(caller));
        if (is(s, "tenants")) return get(m, () -> subscriptions.tenants(caller));
        if (is(s, "providers")) return get(m, () -> providers.list(null));
        if (s.size() == 2 && s.get(0).equals("providers")) return get(m, () -> providers.get(null, raw.segments().get(1)));
        for (TenantExtension e : tenantExtensions) {
            ArmResponse r = e.route(req, s);
            if (r != null) return r;
        }
        // /providers/{ns}/{...}: a provider's tenant-level reads, e.g. operations
        if (s.size() >= 3 && s.get(0).equals("providers") && m.equals("GET")) {
            var read = registry.provider(raw.segments().get(1)).read(null, raw.segments().subList(2, s.size()), req.apiVersion());
            if (read != null) return ArmResponse.json(200, read);
        }
        throw ArmErrors.missingSubscription();
    }

    private ArmResponse subscriptionScope(ArmRequest raw, Caller caller, String sub, List<String> s, List<String> orig) {
        String m = raw.method();
        boolean builtinPath = s.isEmpty() || s.get(0).equals("resourcegroups") || s.get(0).equals("resources")
                || s.get(0).equals("locations") || s.get(0).equals("operationresults")
                || (s.get(0).equals("providers") && s.size() <= 3);
        List<String> versions = s.isEmpty() || s.get(0).equals("locations") ? Subscriptions.API_VERSIONS : Providers.API_VERSIONS;
        ArmRequest req = with(raw, caller, builtinPath ? pipeline.apiVersion(raw.queryParam("api-version"), versions)
                : pipeline.apiVersion(raw.queryParam("api-version"), List.of()));
        for (SubscriptionExtension e : extensions) {
            ArmResponse r = e.route(req, sub, s, orig);
            if (r != null) return r;
        }

        // /subscriptions/{sub}
        if (s.isEmpty()) return get(m, () -> subscriptions.get(sub, caller));
        // /subscriptions/{sub}/locations
        if (is(s, "locations")) return get(m, () -> subscriptions.locations(sub, caller));
        // /subscriptions/{sub}/resources
        if (is(s, "resources")) {
            return get(m, () -> genericList(req, ResourceQuery.in(lc(sub)),
                    authorization.readable(caller, "Microsoft.Resources/subscriptions/resources", "/subscriptions/" + sub)));
        }
        // /subscriptions/{sub}/resourcegroups
        if (is(s, "resourcegroups")) {
            return get(m, () -> groups.list(req, sub,
                    authorization.readable(caller, ResourceId.RESOURCE_GROUP_TYPE, "/subscriptions/" + sub)));
        }
        // /subscriptions/{sub}/operationresults/{token}: resource group deletion
        if (s.size() == 2 && s.get(0).equals("operationresults")) {
            return get(m, () -> groups.deleteResult(orig.get(1), selfUrl(req)));
        }
        // /subscriptions/{sub}/resourcegroups/{rg}[/...]
        if (s.size() >= 2 && s.get(0).equals("resourcegroups")) {
            ResourceId rg = ResourceId.resourceGroup(sub, orig.get(1));
            if (s.size() == 2) {
                authorization.require(caller, ArmAuthorization.action(ResourceId.RESOURCE_GROUP_TYPE, ArmAuthorization.verb(m)),
                        rg.id());
                return switch (m) {
                    case "HEAD" -> groups.head(rg);
                    case "GET" -> groups.get(rg);
                    case "PUT" -> groups.put(req, rg);
                    case "PATCH" -> groups.patch(req, rg);
                    case "DELETE" -> deleted(groups.delete(req, rg));
                    default -> throw ArmErrors.methodNotAllowed(m);
                };
            }
            if (s.size() == 3 && s.get(2).equals("resources")) {
                return get(m, () -> {
                    groups.get(rg);
                    return genericList(req, ResourceQuery.in(lc(sub)).resourceGroup(lc(orig.get(1))),
                            authorization.readable(caller, "Microsoft.Resources/subscriptions/resourceGroups/resources", rg.id()));
                });
            }
            if (s.size() >= 5 && s.get(2).equals("providers")) {
                return providerScope(req, sub, orig.get(1), orig.get(3), orig.subList(4, orig.size()));
            }
            throw ArmErrors.notFound(req.path());
        }
        // /subscriptions/{sub}/providers[/{ns}[/register|/unregister|/{type}|/{action}]]
        if (is(s, "providers")) return get(m, () -> providers.list(sub));
        if (s.size() >= 2 && s.get(0).equals("providers")) {
            String ns = orig.get(1);
            if (s.size() == 2) return get(m, () -> providers.get(sub, ns));
            if (s.size() == 3 && (s.get(2).equals("register") || s.get(2).equals("unregister"))) {
                if (!m.equals("POST")) throw ArmErrors.methodNotAllowed(m);
                authorization.require(caller, ns + "/" + s.get(2) + "/action", "/subscriptions/" + sub);
                return providers.register(sub, ns, s.get(2).equals("register"));
            }
            // .../providers/{ns}/locations/{loc}/operationStatuses|operationResults/{id}
            if (s.size() == 6 && s.get(2).equals("locations")) {
                String opId = orig.get(5);
                if (s.get(4).equals("operationstatuses")) return get(m, () -> operations.status(opId, req.path()));
                if (s.get(4).equals("operationresults")) return get(m, () -> operations.result(opId, selfUrl(req)));
            }
            if (s.size() == 3) return subscriptionProviderCollection(req, sub, ns, orig.get(2));
            // a provider's subscription-level reads, e.g. locations/{loc}/usages
            if (m.equals("GET")) {
                var provider = registry.provider(ns);
                providers.checkRegistered(sub, ns);
                var read = provider.read(sub, orig.subList(2, orig.size()), req.apiVersion());
                if (read != null) return ArmResponse.json(200, read);
            }
        }
        throw ArmErrors.invalidResourceType(orig.get(0), "Microsoft.Resources", req.apiVersion());
    }

    /** {@code GET /subscriptions/{s}/providers/{ns}/{type}} or {@code POST .../{ns}/{action}}. */
    private ArmResponse subscriptionProviderCollection(ArmRequest req, String sub, String ns, String typeOrAction) {
        var provider = registry.provider(ns);
        providers.checkRegistered(sub, ns);
        if (req.method().equals("POST")) {
            ProviderAction action = provider.providerActions().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(typeOrAction)).map(java.util.Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> ArmErrors.invalidResourceType(typeOrAction, provider.namespace(), req.apiVersion()));
            authorization.require(req.caller(), ArmAuthorization.postAction(provider.namespace(), typeOrAction), "/subscriptions/" + sub);
            return ArmResponse.json(200, action.invoke(sub, req.json(), req.caller(), req.apiVersion()));
        }
        ResolvedType t = registry.resolve(ns, typeOrAction, req.apiVersion());
        if (!req.method().equals("GET")) throw ArmErrors.methodNotAllowed(req.method());
        if (!t.spec().listBySubscription()) throw ArmErrors.invalidResourceType(typeOrAction, provider.namespace(), req.apiVersion());
        pipeline.checkTypeVersion(req.apiVersion(), t, null);
        return listing.documents(req, ResourceQuery.in(lc(sub)).type(lc(t.qualifiedType())), ODataFilter.parse(req.queryParam("$filter")),
                authorization.readable(req.caller(), t.qualifiedType(), "/subscriptions/" + sub));
    }

    /** Everything under {@code /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/}. */
    private ArmResponse providerScope(ArmRequest req, String sub, String rg, String ns, List<String> x) {
        var provider = registry.provider(ns);
        providers.checkRegistered(sub, ns);
        String m = req.method();
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i + 1 < x.size(); i += 2) {
            types.add(x.get(i));
            names.add(x.get(i + 1));
        }
        if (x.size() % 2 == 0) {
            // an instance: .../{type}/{name}[/{childType}/{childName}...]
            ResourceId id = ResourceId.provider(sub, rg, provider.namespace(), types, names);
            ResolvedType t = registry.resolve(ns, id.typePath(), req.apiVersion());
            pipeline.checkTypeVersion(req.apiVersion(), t, null);
            authorization.require(req.caller(), ArmAuthorization.action(t.qualifiedType(), ArmAuthorization.verb(m)), id.id());
            return switch (m) {
                case "GET" -> resources.get(id, t);
                case "HEAD" -> resources.head(id);
                case "PUT" -> resources.put(req, id, t);
                case "PATCH" -> resources.patch(req, id, t);
                case "DELETE" -> deleted(resources.delete(req, id, t));
                default -> throw ArmErrors.methodNotAllowed(m);
            };
        }
        String last = x.get(x.size() - 1);
        if (x.size() >= 3) {
            // a POST action on an instance, or the collection of a child type
            ResourceId parent = ResourceId.provider(sub, rg, provider.namespace(), types, names);
            ResolvedType parentType = registry.resolve(ns, parent.typePath(), req.apiVersion());
            if (m.equals("POST") && parentType.spec().action(last) != null) {
                pipeline.checkTypeVersion(req.apiVersion(), parentType, null);
                authorization.require(req.caller(), ArmAuthorization.postAction(parentType.qualifiedType(), last), parent.id());
                return resources.action(req, parent, parentType, last);
            }
            if (m.equals("GET") && registry.find(ns, parent.typePath() + "/" + last) == null
                    && parentType.spec().action(last) != null) {
                // a read-only action Azure serves as GET, e.g. registries/{r}/listUsages
                pipeline.checkTypeVersion(req.apiVersion(), parentType, null);
                authorization.require(req.caller(), parentType.qualifiedType() + "/" + last + "/read", parent.id());
                return resources.action(req, parent, parentType, last);
            }
            ResolvedType child = registry.resolve(ns, parent.typePath() + "/" + last, req.apiVersion());
            if (!m.equals("GET")) throw ArmErrors.methodNotAllowed(m);
            pipeline.checkTypeVersion(req.apiVersion(), child, null);
            resources.get(parent, parentType); // the parent must exist: ARM answers its not-found error
            return listing.documents(req, ResourceQuery.in(lc(sub)).parent(parent.key()).type(lc(child.qualifiedType())),
                    ODataFilter.parse(req.queryParam("$filter")), authorization.readable(req.caller(), child.qualifiedType(), parent.id()));
        }
        // the collection of a top-level type in the group
        ResolvedType t = registry.resolve(ns, last, req.apiVersion());
        if (!m.equals("GET")) throw ArmErrors.methodNotAllowed(m);
        pipeline.checkTypeVersion(req.apiVersion(), t, null);
        groups.get(ResourceId.resourceGroup(sub, rg));
        return listing.documents(req, ResourceQuery.in(lc(sub)).resourceGroup(lc(rg)).type(lc(t.qualifiedType())),
                ODataFilter.parse(req.queryParam("$filter")),
                authorization.readable(req.caller(), t.qualifiedType(), ResourceId.resourceGroup(sub, rg).id()));
    }

    /** A delete may have removed role assignments scoped below the deleted resource. */
    private ArmResponse deleted(ArmResponse r) {
        authorization.changed();
        return r;
    }

    private ArmResponse genericList(ArmRequest req, ResourceQuery scope, java.util.function.Predicate<dev.cerulean.store.ResourceRecord> visible) {
        ODataFilter filter = ODataFilter.parse(req.queryParam("$filter"));
        boolean expand = req.queryParam("$expand") != null;
        ResourceQuery q = scope.tracked();
        if (filter.typeKey() != null) q = q.type(filter.typeKey());
        return listing.projected(req, q, filter, rec -> Listing.genericProjection(rec, expand), visible);
    }

    private interface Handler {
        ArmResponse handle();
    }

    private static ArmResponse get(String method, Handler h) {
        if (method.equals("GET")) return h.handle();
        if (method.equals("HEAD")) {
            ArmResponse r = h.handle();
            return new ArmResponse(r.status(), r.headers(), null);
        }
        throw ArmErrors.methodNotAllowed(method);
    }

    private static ArmRequest with(ArmRequest r, Caller caller, String apiVersion) {
        return new ArmRequest(r.method(), r.path(), r.segments(), r.query(), r.headers(), r.body(), r.contentType(),
                caller, apiVersion, r.baseUrl());
    }

    private static String selfUrl(ArmRequest req) {
        return req.baseUrl() + req.path() + "?api-version=" + req.apiVersion();
    }

    private static boolean is(List<String> s, String... parts) {
        return s.equals(List.of(parts));
    }

    private static List<String> lower(List<String> segments) {
        return segments.stream().map(ArmRoutes::lc).toList();
    }

    private static String lc(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
