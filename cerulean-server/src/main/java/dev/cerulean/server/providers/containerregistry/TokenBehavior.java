package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.SecretStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What tokens do beyond generic ARM (acr.md §3.2, §3.3): name rules, a required {@code scopeMapId}
 * naming an existing scope map of the same registry, {@code status} enabled|disabled, and
 * {@code credentials}. {@code credentials.passwords} is always a list of {@code {creationTime, expiry?,
 * name}} without values (clients.md §4.2); in a write it is the keep-list of password names: listed
 * passwords keep their stored metadata and hash, unlisted ones are deleted, and no write can create
 * one (only generateCredentials does). A write without it keeps every password.
 */
final class TokenBehavior implements ResourceBehavior {

    static final List<String> PASSWORD_NAMES = List.of("password1", "password2");

    private final RegistryDirectory directory;
    private final SecretStore secrets;
    private final Clock clock;

    TokenBehavior(RegistryDirectory directory, SecretStore secrets, Clock clock) {
        this.directory = directory;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public void validateName(WriteContext ctx) {
        if (!NameRules.isTokenName(ctx.id().name())) throw AcrErrors.tokenNameInvalid(ctx.id().name());
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ResourceId registry = ctx.id().parent();
        JsonNode in = ctx.requested().path("properties");
        String scopeMapId = scopeMapId(in.get("scopeMapId"), registry);
        String status = LooseValues.choice(in.get("status"), List.of("enabled", "disabled"), "enabled", "TokenStatus",
                "properties.status");
        if (ctx.isCreate()) {
            Sku sku = directory.get(registry.key()).map(r -> Sku.of(RegistryDocuments.parse(r))).orElse(Sku.BASIC);
            if (directory.tokenCount(registry.key()) >= sku.scopeMapsOrTokens) {
                throw AcrErrors.quotaExceeded("tokens", sku.scopeMapsOrTokens, sku.azureName);
            }
        }
        JsonNode oldCredentials = ctx.existing() == null ? null : ctx.existing().path("properties").get("credentials");
        JsonNode credentialsIn = in.get("credentials");
        if (credentialsIn != null && !credentialsIn.isNull() && !credentialsIn.isObject()) {
            throw AcrErrors.invalidValue(credentialsIn.toString(), "TokenCredentialsProperties", "properties.credentials");
        }
        ObjectNode credentials = Json.object();
        ArrayNode certificates = TokenCertificates.complete(credentialsIn == null ? null : credentialsIn.get("certificates"),
                oldCredentials == null ? null : oldCredentials.get("certificates"));
        if (!certificates.isEmpty()) credentials.set("certificates", certificates); // only when there are some (§3.2)
        credentials.set("passwords", keptPasswords(ctx, credentialsIn, oldCredentials));

        ObjectNode props = Json.object();
        JsonNode created = ctx.existing() == null ? null : ctx.existing().path("properties").get("creationDate");
        props.put("creationDate", created != null && created.isTextual() ? created.asText() : AcrTimes.offset(clock.instant()));
        props.put("provisioningState", "Succeeded"); // placeholder keeping the key order; the engine sets it
        props.put("scopeMapId", scopeMapId);
        props.set("credentials", credentials);
        props.put("status", status);
        ObjectNode doc = Json.object();
        doc.set("properties", props);
        return doc;
    }

    /** The scope map id as given, after checking it names an existing scope map of {@code registry}. */
    private String scopeMapId(JsonNode node, ResourceId registry) {
        String value = LooseValues.text(node, "properties.scopeMapId");
        if (value == null || value.isBlank()) throw AcrErrors.scopeMapIdRequired();
        ResourceId id = ResourceId.parse(value.trim());
        if (id == null || !id.isProviderResource() || id.types().size() != 2
                || !id.namespace().equalsIgnoreCase(ContainerRegistryProvider.NAMESPACE)
                || !id.types().get(1).equalsIgnoreCase("scopeMaps") || !id.parent().key().equals(registry.key())) {
            throw AcrErrors.scopeMapNotInRegistry(value, registry.name());
        }
        if (directory.get(id.key()).isEmpty()) throw AcrErrors.scopeMapNotFound(value);
        return value.trim();
    }

    /**
     * The password metadata to keep: the names listed in the request (all stored ones when the request
     * has no list), each with its stored metadata; the secrets of dropped passwords are deleted here,
     * in the write's transaction.
     */
    private ArrayNode keptPasswords(WriteContext ctx, JsonNode credentialsIn, JsonNode oldCredentials) {
        JsonNode oldList = oldCredentials == null ? null : oldCredentials.get("passwords");
        JsonNode requested = credentialsIn == null ? null : credentialsIn.get("passwords");
        Set<String> keep = new LinkedHashSet<>();
        if (requested == null || requested.isNull()) {
            if (oldList != null) oldList.forEach(p -> keep.add(p.path("name").asText()));
        } else {
            if (!requested.isArray()) {
                throw AcrErrors.invalidValue(requested.toString(), "TokenPassword[]", "properties.credentials.passwords");
            }
            for (JsonNode p : requested) {
                String raw = p.isTextual() ? p.asText() : LooseValues.text(p.get("name"), "properties.credentials.passwords.name");
                String name = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
                if (!PASSWORD_NAMES.contains(name)) throw AcrErrors.invalidTokenPasswordName(String.valueOf(raw));
                keep.add(name);
            }
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        List<String> stored = new ArrayList<>();
        for (String name : PASSWORD_NAMES) {
            JsonNode entry = find(oldList, name);
            if (entry == null) continue;
            stored.add(name);
            if (keep.contains(name)) out.add(entry.deepCopy());
        }
        for (String name : PASSWORD_NAMES) {
            if (!keep.contains(name) || !stored.contains(name)) secrets.delete(ctx.id().key(), name);
        }
        return out;
    }

    static JsonNode find(JsonNode passwords, String name) {
        if (passwords == null || !passwords.isArray()) return null;
        for (JsonNode p : passwords) {
            if (name.equals(p.path("name").asText())) return p;
        }
        return null;
    }
}
