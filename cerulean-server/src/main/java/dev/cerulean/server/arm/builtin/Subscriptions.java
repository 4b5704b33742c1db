package dev.cerulean.server.arm.builtin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.Tenant;

import java.util.List;
import java.util.Locale;

/**
 * Subscriptions, tenants and locations (arm.md §10). Cerulean has one development subscription,
 * owned by the development tenant; {@code GET /subscriptions} is the first ARM call of
 * {@code az login}, and az refuses subscription ids a script uses that are not listed here.
 */
public final class Subscriptions {

    /** API versions of the subscription client, newest first. */
    public static final List<String> API_VERSIONS = List.of("2022-12-01", "2021-01-01", "2020-01-01", "2019-11-01",
            "2019-06-01", "2018-06-01", "2016-06-01", "2015-01-01");

    private final String subscriptionId;
    private final String tenantId;
    private final IdentityStore identities;

    public Subscriptions(String subscriptionId, String tenantId, IdentityStore identities) {
        this.subscriptionId = subscriptionId;
        this.tenantId = tenantId;
        this.identities = identities;
    }

    /**
     * ARM's checks on a subscription segment, in order: well-formed GUID, known, and owned by the
     * caller's tenant.
     */
    public void check(String sub, Caller caller) {
        if (!ResourceId.isGuid(sub)) throw ArmErrors.invalidSubscriptionId(sub);
        if (!sub.equalsIgnoreCase(subscriptionId)) throw ArmErrors.subscriptionNotFound(sub);
        if (caller != null && !tenantId.equalsIgnoreCase(caller.tenantId())) {
            throw ArmErrors.invalidTokenTenant(caller.tenantId(), tenantId);
        }
    }

    public ArmResponse list(Caller caller) {
        ArrayNode value = Json.MAPPER.createArrayNode();
        if (tenantId.equalsIgnoreCase(caller.tenantId())) value.add(document());
        return ArmResponse.json(200, Json.object().set("value", value));
    }

    public ArmResponse get(String sub, Caller caller) {
        check(sub, caller);
        return ArmResponse.json(200, document());
    }

    public ArmResponse tenants(Caller caller) {
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (Tenant t : identities.tenants()) {
            if (!t.tenantId().equalsIgnoreCase(caller.tenantId())) continue;
            ObjectNode n = value.addObject();
            n.put("id", "/tenants/" + t.tenantId());
            n.put("tenantId", t.tenantId());
            n.put("countryCode", "US");
            n.put("displayName", t.displayName());
            n.putArray("domains").add(t.defaultDomain());
            n.put("tenantCategory", "Home");
            n.put("defaultDomain", t.defaultDomain());
            n.put("tenantType", "AAD");
        }
        return ArmResponse.json(200, Json.object().set("value", value));
    }

    public ArmResponse locations(String sub, Caller caller) {
        check(sub, caller);
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (String name : Locations.NAMES) {
            ObjectNode n = value.addObject();
            n.put("id", "/subscriptions/" + subscriptionId + "/locations/" + name);
            n.put("name", name);
            n.put("type", "Region");
            n.put("displayName", Locations.displayName(name));
            n.put("regionalDisplayName", Locations.displayName(name));
            ObjectNode meta = n.putObject("metadata");
            meta.put("regionType", "Physical");
            meta.put("regionCategory", "Recommended");
        }
        return ArmResponse.json(200, Json.object().set("value", value));
    }

    public String subscriptionId() { return subscriptionId; }

    public String tenantId() { return tenantId; }

    private ObjectNode document() {
        ObjectNode s = Json.object();
        s.put("id", "/subscriptions/" + subscriptionId);
        s.put("authorizationSource", "RoleBased");
        s.putArray("managedByTenants");
        s.put("subscriptionId", subscriptionId.toLowerCase(Locale.ROOT));
        s.put("tenantId", tenantId);
        s.put("homeTenantId", tenantId);
        s.put("displayName", "Cerulean Development");
        s.put("state", "Enabled");
        ObjectNode policies = s.putObject("subscriptionPolicies");
        policies.put("locationPlacementId", "Public_2014-09-01");
        policies.put("quotaId", "PayAsYouGo_2014-09-01");
        policies.put("spendingLimit", "Off");
        s.putObject("tags");
        return s;
    }
}
