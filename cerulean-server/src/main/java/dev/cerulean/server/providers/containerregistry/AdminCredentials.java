package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceAction.ActionContext;
import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry's admin user (acr.md §1.9): two passwords named {@code password} and {@code password2},
 * shown by {@code listCredentials} at any time, hence stored sealed (not hashed) under the registry's
 * own key. They are created when the admin user is first enabled (at create or by an update) and kept
 * while it is disabled, so re-enabling restores them; regenerateCredential replaces one. Both actions
 * are refused while the admin user is disabled.
 */
final class AdminCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(AdminCredentials.class);

    static final List<String> NAMES = List.of("password", "password2");
    static final String KIND = "sealed";

    private final SecretStore secrets;
    private final SecretSealer sealer;
    private final PasswordGenerator passwords;
    private final Clock clock;

    AdminCredentials(SecretStore secrets, SecretSealer sealer, PasswordGenerator passwords, Clock clock) {
        this.secrets = secrets;
        this.sealer = sealer;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Creates whichever admin password the registry does not have yet, or has but cannot open (its
     * sealing key was replaced): such a password could never be shown or checked again.
     */
    void ensure(String registryKey) {
        for (String name : NAMES) {
            if (value(registryKey, name).isEmpty()) store(registryKey, name, passwords.next());
        }
    }

    /** {@code POST .../listCredentials}. */
    JsonNode list(ActionContext ctx) {
        requireEnabled(ctx);
        ensure(ctx.id().key());
        return response(ctx);
    }

    /** {@code POST .../regenerateCredential} with {@code {"name": "password"|"password2"}}. */
    JsonNode regenerate(ActionContext ctx) {
        requireEnabled(ctx);
        JsonNode nameNode = ctx.body() == null ? null : ctx.body().get("name");
        String requested = nameNode == null || nameNode.isNull() ? "" : nameNode.asText();
        String name = requested.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) throw AcrErrors.invalidAdminPasswordName(requested);
        ensure(ctx.id().key());
        store(ctx.id().key(), name, passwords.next());
        return response(ctx);
    }

    /** The admin password {@code name} in clear (for the data plane's checks), empty when absent or unopenable. */
    Optional<String> value(String registryKey, String name) {
        return secrets.get(registryKey, name).flatMap(sealed -> open(registryKey, sealed));
    }

    /** A stored admin password of {@code registryKey} in clear, empty when unopenable. */
    Optional<String> open(String registryKey, SecretRecord sealed) {
        try {
            return Optional.of(sealer.open(sealed.value(), context(registryKey, sealed.name())));
        } catch (IllegalStateException unopenable) {
            LOG.warn("The admin password '{}' of {} cannot be opened with the current sealing key; it is treated as absent.",
                    sealed.name(), registryKey);
            return Optional.empty();
        }
    }

    private void requireEnabled(ActionContext ctx) {
        if (!ctx.resource().path("properties").path("adminUserEnabled").asBoolean(false)) {
            throw AcrErrors.adminUserDisabled(ctx.resource().path("id").asText(ctx.id().id()));
        }
    }

    private ObjectNode response(ActionContext ctx) {
        ObjectNode out = Json.object();
        out.put("username", ctx.resource().path("name").asText(ctx.id().name()));
        ArrayNode list = out.putArray("passwords");
        for (String name : NAMES) {
            value(ctx.id().key(), name).ifPresent(v -> list.addObject().put("name", name).put("value", v));
        }
        return out;
    }

    private void store(String registryKey, String name, String value) {
        secrets.put(new SecretRecord(registryKey, name, KIND, sealer.seal(value, context(registryKey, name)),
                clock.instant(), null));
    }

    /** Associated data of a sealed admin password: it opens only under its own owner and name. */
    private static String context(String ownerKey, String name) {
        return ownerKey + "#" + name;
    }
}
