package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceAction;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.SecretStore;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST .../registries/{r}/generateCredentials} (acr.md §3.4, seed 002): (re)generates
 * {@code password1}, {@code password2} or both of a token of this registry, optionally expiring,
 * answers the values once, keeps only their salted hashes (owner = the token's key, kind
 * {@code hash}, expiresAt = expiry) and rewrites the token's password metadata. A disabled token
 * may get passwords: {@code az acr token create --status disabled} asks for them right away.
 */
final class GenerateCredentialsAction implements ResourceAction {

    static final String KIND = "hash";

    private final ResourceStore store;
    private final SecretStore secrets;
    private final PasswordGenerator passwords;
    private final TokenPasswordHasher hasher;
    private final Clock clock;

    GenerateCredentialsAction(ResourceStore store, SecretStore secrets, PasswordGenerator passwords,
                              TokenPasswordHasher hasher, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.passwords = passwords;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public JsonNode invoke(ActionContext ctx) {
        JsonNode body = ctx.body() == null || ctx.body().isNull() ? Json.object() : ctx.body();
        if (!body.isObject()) throw AcrErrors.invalidValue(body.toString(), "GenerateCredentialsParameters", "");
        Instant now = clock.instant();
        ResourceRecord token = token(ctx, LooseValues.text(body.get("tokenId"), "tokenId"));
        List<String> names = names(LooseValues.text(body.get("name"), "name"));
        Instant expiry = expiry(LooseValues.text(body.get("expiry"), "expiry"), now);

        ObjectNode doc = RegistryDocuments.parse(token);
        ObjectNode credentials = credentials(doc);
        ArrayNode result = Json.MAPPER.createArrayNode();
        for (String name : names) {
            String value = passwords.next();
            secrets.put(new SecretRecord(token.key(), name, KIND, hasher.hash(value), now, expiry));
            ObjectNode meta = Json.object();
            meta.put("creationTime", AcrTimes.offset(now));
            if (expiry != null) meta.put("expiry", AcrTimes.offsetTrimmed(expiry));
            meta.put("name", name);
            replace(credentials, meta);
            result.add(meta.deepCopy().put("value", value));
        }
        if (!store.put(RegistryDocuments.rewrite(token, doc, now), WriteCondition.etag(token.etag()))) {
            throw ArmErrors.concurrentUpdate(token.id());
        }
        ObjectNode out = Json.object();
        out.put("username", token.name());
        out.set("passwords", result);
        return out;
    }

    /** The stored token {@code tokenId} names; it must be a token of the registry the action runs on. */
    private ResourceRecord token(ActionContext ctx, String tokenId) {
        if (tokenId == null || tokenId.isBlank()) throw AcrErrors.tokenIdRequired();
        ResourceId id = ResourceId.parse(tokenId.trim());
        if (id == null || !id.isProviderResource() || id.types().size() != 2
                || !id.namespace().equalsIgnoreCase(ContainerRegistryProvider.NAMESPACE)
                || !id.types().get(1).equalsIgnoreCase("tokens") || !id.parent().key().equals(ctx.id().key())) {
            throw AcrErrors.tokenNotInRegistry(tokenId, ctx.id().name());
        }
        return store.get(id.key()).orElseThrow(() -> AcrErrors.resourceNotFound(id.name()));
    }

    /** Both passwords when {@code name} is absent, else the one it names. */
    private static List<String> names(String name) {
        if (name == null) return TokenBehavior.PASSWORD_NAMES;
        String canonical = name.trim().toLowerCase(Locale.ROOT);
        if (!TokenBehavior.PASSWORD_NAMES.contains(canonical)) throw AcrErrors.invalidTokenPasswordName(name);
        return List.of(canonical);
    }

    private static Instant expiry(String text, Instant now) {
        if (text == null || text.isBlank()) return null;
        Instant expiry;
        try {
            expiry = AcrTimes.parse(text);
        } catch (DateTimeParseException e) {
            throw AcrErrors.invalidExpiry(text);
        }
        if (!expiry.isAfter(now)) throw AcrErrors.expiryInPast(text);
        return expiry;
    }

    private static ObjectNode credentials(ObjectNode token) {
        JsonNode props = token.get("properties");
        ObjectNode p = props instanceof ObjectNode o ? o : token.putObject("properties");
        JsonNode c = p.get("credentials");
        return c instanceof ObjectNode o ? o : p.putObject("credentials");
    }

    /** Puts {@code meta} in place of the entry with its name, keeping password1 before password2. */
    private static void replace(ObjectNode credentials, ObjectNode meta) {
        List<JsonNode> entries = new ArrayList<>();
        if (credentials.get("passwords") instanceof ArrayNode old) old.forEach(entries::add);
        entries.removeIf(e -> e.path("name").asText().equals(meta.get("name").asText()));
        entries.add(meta);
        entries.sort((a, b) -> a.path("name").asText().compareTo(b.path("name").asText()));
        credentials.set("passwords", Json.MAPPER.valueToTree(entries));
    }
}
