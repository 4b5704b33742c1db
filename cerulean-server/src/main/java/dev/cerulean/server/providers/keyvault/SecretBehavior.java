package dev.cerulean.server.providers.keyvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.Sealer;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.SecretStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The control-plane view of a vault's secrets ({@code vaults/secrets}, the type templates deploy).
 * The value is write-only: each value written becomes a new version, sealed under the data dir's key
 * in the secret store (owner: the secret's resource key, name: the version), and never appears in a
 * document. The document carries the content type, the attributes of the current version and its
 * URIs. There is no DELETE (the API has none); deleting the vault removes its secrets and versions.
 */
final class SecretBehavior implements ResourceBehavior {

    static final String[] READ_ONLY = {"secretUri", "secretUriWithVersion"};
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9-]{1,127}$");
    private static final String KIND = "sealed";

    private final ResourceStore resources;
    private final SecretStore secrets;
    private final Sealer sealer;
    private final String dnsSuffix;
    private final Clock clock;

    SecretBehavior(ResourceStore resources, SecretStore secrets, Sealer sealer, String dnsSuffix, Clock clock) {
        this.resources = resources;
        this.secrets = secrets;
        this.sealer = sealer;
        this.dnsSuffix = dnsSuffix;
        this.clock = clock;
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public void validateName(WriteContext ctx) {
        if (!isValidName(ctx.id().name())) throw KeyVaultErrors.secretNameInvalid(ctx.id().name());
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode req = ctx.requested();
        JsonNode inNode = req.get("properties");
        if (inNode == null || inNode.isNull()) throw KeyVaultErrors.invalidValue("properties");
        ObjectNode in = (ObjectNode) inNode;
        ObjectNode old = ctx.existing() != null && ctx.existing().get("properties") instanceof ObjectNode p ? p : null;
        JsonNode value = in.get("value");
        if (value != null && !value.isNull() && !value.isTextual()) throw KeyVaultErrors.invalidValue("value");
        boolean newVersion = value != null && value.isTextual();
        if (!newVersion && old == null) throw KeyVaultErrors.invalidValue("value");
        JsonNode contentType = in.get("contentType");
        if (contentType != null && !contentType.isNull() && !contentType.isTextual()) throw KeyVaultErrors.invalidValue("contentType");

        Instant now = clock.instant();
        ObjectNode oldAttributes = old != null && old.get("attributes") instanceof ObjectNode a ? a : null;
        ObjectNode attributes = attributes(in.get("attributes"), oldAttributes, newVersion, now);
        String uri = "https://" + ctx.id().names().get(0).toLowerCase(Locale.ROOT) + dnsSuffix + "/secrets/" + ctx.id().name();
        String version = newVersion ? UUID.randomUUID().toString().replace("-", "") : versionOf(old);
        if (newVersion) store(ctx.id(), version, value.asText(), now);

        ObjectNode props = Json.object();
        if (contentType != null && contentType.isTextual()) props.put("contentType", contentType.asText());
        else if (contentType == null && old != null && old.has("contentType")) props.set("contentType", old.get("contentType"));
        props.set("attributes", attributes);
        props.put("secretUri", uri);
        props.put("secretUriWithVersion", uri + "/" + version);
        ObjectNode doc = Json.object();
        String location = vaultLocation(ctx.id());
        if (location != null) doc.put("location", location);
        if (req.has("tags")) doc.set("tags", req.get("tags"));
        doc.set("properties", props);
        return doc;
    }

    @Override
    public void validateDelete(ResourceId id, java.util.function.Function<String, String> queryParam) {
        throw ArmErrors.methodNotAllowed("DELETE");
    }

    /** The version a document's {@code secretUriWithVersion} names. */
    private static String versionOf(ObjectNode props) {
        String withVersion = props.path("secretUriWithVersion").asText("");
        return withVersion.substring(withVersion.lastIndexOf('/') + 1);
    }

    /**
     * {@code enabled} (default true), {@code nbf} and {@code exp} as seconds since the epoch; {@code created}
     * and {@code updated} are the service's: a new version is created now, any change updates.
     */
    private static ObjectNode attributes(JsonNode requested, ObjectNode old, boolean newVersion, Instant now) {
        if (requested != null && !requested.isNull() && !requested.isObject()) throw KeyVaultErrors.invalidValue("attributes");
        ObjectNode out = Json.object();
        JsonNode enabled = requested == null ? null : requested.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) throw KeyVaultErrors.invalidValue("attributes.enabled");
        out.put("enabled", enabled != null && enabled.isBoolean() ? enabled.booleanValue()
                : old == null || old.path("enabled").asBoolean(true));
        for (String f : List.of("nbf", "exp")) {
            JsonNode v = requested == null ? null : requested.get(f);
            if (v != null && !v.isNull() && !(v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0)) {
                throw KeyVaultErrors.invalidValue("attributes." + f);
            }
            if (v != null && v.isIntegralNumber()) out.put(f, v.longValue());
            else if (v == null && !newVersion && old != null && old.has(f)) out.set(f, old.get(f));
        }
        if (out.has("nbf") && out.has("exp") && out.get("exp").longValue() < out.get("nbf").longValue()) {
            throw KeyVaultErrors.invalidValue("attributes.exp");
        }
        long seconds = now.getEpochSecond();
        out.put("created", newVersion || old == null ? seconds : old.path("created").asLong(seconds));
        out.put("updated", seconds);
        return out;
    }

    private void store(ResourceId secret, String version, String value, Instant now) {
        String owner = secret.key();
        secrets.put(new SecretRecord(owner, version, KIND, sealer.seal(value, owner + "#" + version), now, null));
    }

    private String vaultLocation(ResourceId secret) {
        ResourceId vault = secret.parent();
        return vault == null ? null : resources.get(vault.key())
                .map(r -> Json.parse(r.body()).path("location").asText(null)).orElse(null);
    }
}
