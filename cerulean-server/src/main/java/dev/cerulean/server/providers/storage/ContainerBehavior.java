package dev.cerulean.server.providers.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.ResourceStore;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Blob containers under the control plane, {@code .../blobServices/default/containers/{name}}:
 * the blob service's name rules (3-63 lower-case letters, digits and single hyphens, starting and
 * ending with a letter or digit; {@code $root} and {@code $web}), the public access level (refused
 * when the account forbids public access), metadata, the encryption-scope defaults and the
 * read-only lease and legal-hold state of a new, empty container. No blobs.
 */
final class ContainerBehavior implements ResourceBehavior {

    static final String[] READ_ONLY = {"version", "deleted", "deletedTime", "remainingRetentionDays", "lastModifiedTime",
            "leaseStatus", "leaseState", "leaseDuration", "immutabilityPolicy", "legalHold", "hasLegalHold",
            "hasImmutabilityPolicy"};
    private static final Pattern NAME = Pattern.compile("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$");
    private static final List<String> SPECIAL_NAMES = List.of("$root", "$web");
    private static final List<String> PUBLIC_ACCESS = List.of("None", "Container", "Blob");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;

    private final ResourceStore store;
    private final Clock clock;

    ContainerBehavior(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Null when valid, else the blob service's complaint. */
    static String nameProblem(String name) {
        if (SPECIAL_NAMES.contains(name)) return null;
        if (name.length() < 3 || name.length() > 63) return StorageErrors.CONTAINER_NAME_LENGTH;
        return NAME.matcher(name).matches() ? null : StorageErrors.CONTAINER_NAME_CHARACTERS;
    }

    @Override
    public void validateName(WriteContext ctx) {
        String problem = nameProblem(ctx.id().name());
        if (problem != null) throw StorageErrors.containerOperationFailure(problem);
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        JsonNode inNode = ctx.requested().get("properties");
        ObjectNode p = inNode instanceof ObjectNode in ? in.deepCopy() : Json.object();
        ObjectNode old = ctx.existing() != null && ctx.existing().get("properties") instanceof ObjectNode o ? o : null;
        String access = canonicalAccess(p.get("publicAccess"));
        if (!access.equals("None") && !accountAllowsPublicAccess(ctx)) throw StorageErrors.publicAccessNotPermitted();
        p.put("publicAccess", access);
        JsonNode metadata = p.get("metadata");
        if (metadata != null && !metadata.isNull()) checkMetadata(metadata);
        for (String b : List.of("denyEncryptionScopeOverride", "enableNfsV3RootSquash", "enableNfsV3AllSquash")) {
            JsonNode v = p.get(b);
            if (v != null && !v.isNull() && !v.isBoolean()) throw StorageErrors.valueNotAllowed(v.asText(), b);
        }
        String scope = p.path("defaultEncryptionScope").asText("");
        if (old != null && !scope.isEmpty() && !scope.equals(old.path("defaultEncryptionScope").asText())) {
            throw StorageErrors.invalidParameters("defaultEncryptionScope"); // fixed at creation
        }
        if (scope.isEmpty()) p.put("defaultEncryptionScope", old == null ? "$account-encryption-key"
                : old.path("defaultEncryptionScope").asText("$account-encryption-key"));
        if (!p.hasNonNull("denyEncryptionScopeOverride")) p.put("denyEncryptionScopeOverride", false);
        p.put("deleted", false);
        p.put("remainingRetentionDays", 0);
        p.put("lastModifiedTime", SECONDS.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        p.put("leaseStatus", "Unlocked");
        p.put("leaseState", "Available");
        p.put("hasImmutabilityPolicy", false);
        p.put("hasLegalHold", false);
        ObjectNode doc = Json.object();
        doc.set("properties", p);
        return doc;
    }

    private static String canonicalAccess(JsonNode value) {
        if (value == null || value.isNull()) return "None";
        for (String a : PUBLIC_ACCESS) {
            if (value.isTextual() && a.equalsIgnoreCase(value.asText())) return a;
        }
        throw StorageErrors.valueNotAllowed(value.asText(), "publicAccess");
    }

    /** The account's {@code allowBlobPublicAccess} (off by default for new accounts). */
    private boolean accountAllowsPublicAccess(WriteContext ctx) {
        var account = ctx.id().parent().parent();
        return store.get(account.key()).map(r -> Json.parse(r.body()).path("properties").path("allowBlobPublicAccess")
                .asBoolean(false)).orElse(false);
    }

    /** Metadata names are C# identifiers (case-insensitive, unique); values strings; 8 KB in all. */
    private static void checkMetadata(JsonNode metadata) {
        if (!metadata.isObject()) throw StorageErrors.invalidParameters("metadata");
        int size = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> it = metadata.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!key.matches("^[A-Za-z_][A-Za-z0-9_]*$") || !seen.add(key.toLowerCase(Locale.ROOT))) {
                throw StorageErrors.invalidMetadata(key);
            }
            if (!e.getValue().isTextual()) throw StorageErrors.invalidMetadata(key);
            size += key.length() + e.getValue().asText().length();
        }
        if (size > 8192) throw StorageErrors.invalidParameters("metadata");
    }
}
