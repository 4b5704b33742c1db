package dev.cerulean.server.providers.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceAction.ActionContext;
import dev.cerulean.server.arm.spi.Sealer;
import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.SecretStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The account's two shared keys, {@code key1} and {@code key2}: 64 random bytes in base64 (88
 * characters, as Azure's), created with the account, shown by {@code listKeys} at any time and
 * replaced one at a time by {@code regenerateKey}. Shown again, so stored sealed (never hashed)
 * under the account's own key: deleting the account or its group removes them.
 */
final class AccountKeys {

    static final List<String> NAMES = List.of("key1", "key2");
    private static final String KIND = "sealed";
    private static final int KEY_BYTES = 64;

    private final SecretStore secrets;
    private final Sealer sealer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountKeys(SecretStore secrets, Sealer sealer, Clock clock) {
        this.secrets = secrets;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Creates whichever key the account lacks (or cannot open any more); returns each key's creation time. */
    ObjectNode ensure(String accountKey) {
        ObjectNode times = Json.object();
        for (String name : NAMES) {
            Optional<SecretRecord> rec = secrets.get(accountKey, name);
            if (rec.isEmpty() || open(accountKey, rec.get()).isEmpty()) rec = Optional.of(store(accountKey, name));
            times.put(name, Json.armTime(rec.get().createdAt()));
        }
        return times;
    }

    /** {@code POST .../listKeys[?$expand=kerb]}: both keys with full permissions. */
    JsonNode list(ActionContext ctx) {
        ensure(ctx.id().key());
        return response(ctx.id().key());
    }

    /** {@code POST .../regenerateKey} with {@code {"keyName": "key1"|"key2"}}; answers the new list. */
    JsonNode regenerate(ActionContext ctx) {
        JsonNode nameNode = ctx.body() == null ? null : ctx.body().get("keyName");
        String name = nameNode == null || nameNode.isNull() ? "" : nameNode.asText().trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) throw StorageErrors.invalidParameters("keyName");
        ensure(ctx.id().key());
        store(ctx.id().key(), name);
        return response(ctx.id().key());
    }

    /** The clear value of one key of the account with this resource key, or empty (no such account or key). */
    Optional<String> value(String accountKey, String name) {
        return secrets.get(accountKey, name).flatMap(rec -> open(accountKey, rec));
    }

    private ObjectNode response(String accountKey) {
        ObjectNode out = Json.object();
        ArrayNode keys = out.putArray("keys");
        for (String name : NAMES) {
            SecretRecord rec = secrets.get(accountKey, name).orElseThrow();
            keys.addObject().put("creationTime", Json.armTime(rec.createdAt())).put("keyName", name)
                    .put("value", open(accountKey, rec).orElseThrow()).put("permissions", "FULL");
        }
        return out;
    }

    private Optional<String> open(String accountKey, SecretRecord rec) {
        try {
            return Optional.of(sealer.open(rec.value(), context(accountKey, rec.name())));
        } catch (IllegalStateException unopenable) {
            return Optional.empty(); // sealed under a key since replaced: treated as absent and made again
        }
    }

    private SecretRecord store(String accountKey, String name) {
        byte[] raw = new byte[KEY_BYTES];
        random.nextBytes(raw);
        Instant now = clock.instant();
        SecretRecord rec = new SecretRecord(accountKey, name, KIND,
                sealer.seal(Base64.getEncoder().encodeToString(raw), context(accountKey, name)), now, null);
        secrets.put(rec);
        return rec;
    }

    private static String context(String ownerKey, String name) {
        return ownerKey + "#" + name;
    }
}
