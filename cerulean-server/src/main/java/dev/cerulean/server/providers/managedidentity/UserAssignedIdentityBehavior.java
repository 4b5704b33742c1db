package dev.cerulean.server.providers.managedidentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;

import java.util.regex.Pattern;

/**
 * A user-assigned identity (ml.md §6.4): the name rules, and at creation a service principal in
 * the directory whose ids become the read-only {@code tenantId}, {@code principalId} and
 * {@code clientId}, kept for the identity's lifetime.
 */
final class UserAssignedIdentityBehavior implements ResourceBehavior {

    /** Azure's rule: 3-128 characters, letters, digits, hyphens and underscores, starting with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$");

    private final IdentityDirectory directory;

    UserAssignedIdentityBehavior(IdentityDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void validateName(WriteContext ctx) {
        String name = ctx.id().name();
        if (!NAME.matcher(name).matches()) {
            throw ApiError.of(400, "InvalidResourceName", "Resource name " + name + " is invalid. The name can be between 3 and 128 characters long and can contain only letters, numbers, hyphens and underscores. It must start with a letter or number.");
        }
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode req = ctx.requested();
        JsonNode old = ctx.existing() == null ? null : ctx.existing().get("properties");
        ObjectNode props = Json.object();
        if (old != null && old.hasNonNull("principalId")) {
            props.set("tenantId", old.get("tenantId"));
            props.set("principalId", old.get("principalId"));
            props.set("clientId", old.get("clientId"));
        } else {
            IdentityDirectory.ManagedPrincipal p = directory.create(ctx.caller().tenantId(), ctx.id().name(), ctx.id().id());
            props.put("tenantId", p.tenantId());
            props.put("principalId", p.principalId());
            props.put("clientId", p.clientId());
        }
        // isolationScope (2023-01-31) is the only writable property
        if (req.path("properties").hasNonNull("isolationScope")) props.set("isolationScope", req.path("properties").get("isolationScope"));
        ObjectNode doc = Json.object();
        if (req.has("tags")) doc.set("tags", req.get("tags"));
        doc.set("properties", props);
        return doc;
    }

    @Override
    public void afterDelete(DeleteContext ctx) {
        JsonNode p = ctx.existing().path("properties");
        if (p.hasNonNull("principalId")) {
            directory.remove(new IdentityDirectory.ManagedPrincipal(p.path("tenantId").asText(), p.path("principalId").asText(),
                    p.path("clientId").asText()));
        }
    }
}
