package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.KeyValueStore;

import java.util.Locale;
import java.util.Optional;

/**
 * The users of the emulated tenants, kept as JSON values in the shared {@link KeyValueStore} under
 * {@code entra.user/<tenant id>/<lower-cased UPN>} until the identity store grows a users table
 * (only the development user exists today, and look-up by UPN is all sign-in needs).
 */
public final class UserAccounts {

    private static final String PREFIX = "entra.user/";

    private final KeyValueStore values;

    public UserAccounts(KeyValueStore values) {
        this.values = values;
    }

    public Optional<UserAccount> find(String tenantId, String userPrincipalName) {
        return values.get(key(tenantId, userPrincipalName)).map(UserAccounts::fromJson);
    }

    /** Stores the account unless its UPN exists in the tenant; returns true when stored. */
    public boolean create(UserAccount account) {
        String json = Json.write(toJson(account));
        return values.putIfAbsent(key(account.tenantId(), account.userPrincipalName()), json).equals(json);
    }

    private static String key(String tenantId, String userPrincipalName) {
        return PREFIX + tenantId.toLowerCase(Locale.ROOT) + "/" + userPrincipalName.toLowerCase(Locale.ROOT);
    }

    private static ObjectNode toJson(UserAccount a) {
        return Json.object()
                .put("tenantId", a.tenantId())
                .put("objectId", a.objectId())
                .put("userPrincipalName", a.userPrincipalName())
                .put("displayName", a.displayName())
                .put("givenName", a.givenName())
                .put("surname", a.surname())
                .put("puid", a.puid())
                .put("passwordHash", a.passwordHash());
    }

    private static UserAccount fromJson(String text) {
        JsonNode n = Json.parse(text);
        return new UserAccount(n.path("tenantId").asText(), n.path("objectId").asText(),
                n.path("userPrincipalName").asText(), n.path("displayName").asText(), n.path("givenName").asText(),
                n.path("surname").asText(), n.path("puid").asText(), n.path("passwordHash").asText());
    }
}
