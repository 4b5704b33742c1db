package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.SecretStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link RegistryCredentials} over the resource and secret stores the provider writes: registry and
 * token documents, sealed admin passwords and hashed token passwords. Obtained from
 * {@link ContainerRegistryProvider#credentials()}.
 */
final class StoredRegistryCredentials implements RegistryCredentials {

    private final RegistryDirectory directory;
    private final SecretStore secrets;
    private final AdminCredentials admin;
    private final TokenPasswordHasher hasher;
    private final Clock clock;

    StoredRegistryCredentials(RegistryDirectory directory, SecretStore secrets, AdminCredentials admin,
                              TokenPasswordHasher hasher, Clock clock) {
        this.directory = directory;
        this.secrets = secrets;
        this.admin = admin;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public Optional<RegistryView> registryByLoginServer(String host) {
        return directory.byLoginServer(host).map(r -> {
            ObjectNode doc = RegistryDocuments.parse(r);
            JsonNode p = doc.path("properties");
            return new RegistryView(r.key(), r.id(), r.name(), p.path("loginServer").asText(), Sku.of(doc).azureName,
                    p.path("adminUserEnabled").asBoolean(false), p.path("anonymousPullEnabled").asBoolean(false),
                    !"disabled".equals(p.path("policies").path("azureADAuthenticationAsArmPolicy").path("status").asText()));
        });
    }

    @Override
    public Optional<TokenView> token(String registryKey, String tokenName) {
        if (!NameRules.isTokenName(tokenName)) return Optional.empty();
        String key = registryKey.toLowerCase(Locale.ROOT) + "/tokens/" + tokenName.toLowerCase(Locale.ROOT);
        return directory.get(key).map(r -> {
            JsonNode p = RegistryDocuments.parse(r).path("properties");
            String scopeMapId = p.path("scopeMapId").asText(null);
            List<String> actions = new ArrayList<>();
            ResourceId scopeMap = scopeMapId == null ? null : ResourceId.parse(scopeMapId);
            if (scopeMap != null) {
                directory.get(scopeMap.key()).ifPresent(s ->
                        RegistryDocuments.parse(s).path("properties").path("actions").forEach(a -> actions.add(a.asText())));
            }
            List<TokenPassword> passwords = new ArrayList<>();
            for (String name : TokenBehavior.PASSWORD_NAMES) {
                secrets.get(r.key(), name).ifPresent(s -> passwords.add(new TokenPassword(name, s.createdAt(), s.expiresAt())));
            }
            return new TokenView(r.key(), r.name(), "enabled".equals(p.path("status").asText()), scopeMapId,
                    List.copyOf(actions), List.copyOf(passwords));
        });
    }

    @Override
    public boolean verifyTokenPassword(String tokenKey, String password) {
        return matchTokenPassword(tokenKey, password).isPresent();
    }

    @Override
    public Optional<TokenPassword> matchTokenPassword(String tokenKey, String password) {
        String key = tokenKey.toLowerCase(Locale.ROOT);
        Optional<ResourceRecord> token = directory.get(key);
        if (token.isEmpty() || password == null) return Optional.empty();
        boolean enabled = "enabled".equals(RegistryDocuments.parse(token.get()).path("properties").path("status").asText());
        Instant now = clock.instant();
        TokenPassword matched = null;
        for (String name : TokenBehavior.PASSWORD_NAMES) { // both slots, always: no early exit
            Optional<SecretRecord> s = secrets.get(key, name);
            if (s.isEmpty()) continue;
            boolean live = s.get().expiresAt() == null || now.isBefore(s.get().expiresAt());
            if (hasher.verify(password, s.get().value()) & live) {
                matched = new TokenPassword(name, s.get().createdAt(), s.get().expiresAt());
            }
        }
        return enabled ? Optional.ofNullable(matched) : Optional.empty();
    }

    @Override
    public boolean verifyAdminPassword(String registryKey, String password) {
        return matchAdminPassword(registryKey, password).isPresent();
    }

    @Override
    public Optional<TokenPassword> matchAdminPassword(String registryKey, String password) {
        String key = registryKey.toLowerCase(Locale.ROOT);
        Optional<ResourceRecord> registry = directory.get(key);
        if (registry.isEmpty() || password == null) return Optional.empty();
        boolean enabled = RegistryDocuments.parse(registry.get()).path("properties").path("adminUserEnabled").asBoolean(false);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        TokenPassword matched = null;
        for (String name : AdminCredentials.NAMES) { // both slots, always: no early exit
            Optional<SecretRecord> s = secrets.get(key, name); // read once: its value to compare, its dates to answer
            if (s.isEmpty()) continue;
            Optional<String> value = admin.open(key, s.get());
            if (value.isPresent() && MessageDigest.isEqual(value.get().getBytes(StandardCharsets.UTF_8), given)) {
                matched = new TokenPassword(name, s.get().createdAt(), s.get().expiresAt());
            }
        }
        return enabled ? Optional.ofNullable(matched) : Optional.empty();
    }

    @Override
    public List<TokenPassword> adminPasswords(String registryKey) {
        String key = registryKey.toLowerCase(Locale.ROOT);
        boolean enabled = directory.get(key)
                .map(r -> RegistryDocuments.parse(r).path("properties").path("adminUserEnabled").asBoolean(false)).orElse(false);
        List<TokenPassword> out = new ArrayList<>(2);
        if (!enabled) return out;
        for (String name : AdminCredentials.NAMES) {
            TokenPassword slot = slot(key, name);
            if (slot != null) out.add(slot);
        }
        return out;
    }

    @Override
    public Optional<TokenPassword> adminPasswordSlot(String registryKey, String slot) {
        if (!AdminCredentials.NAMES.contains(slot)) return Optional.empty();
        return Optional.ofNullable(slot(registryKey.toLowerCase(Locale.ROOT), slot));
    }

    @Override
    public Optional<TokenPassword> enabledTokenSlot(String registryKey, String tokenName, String slot) {
        if (!NameRules.isTokenName(tokenName) || !TokenBehavior.PASSWORD_NAMES.contains(slot)) return Optional.empty();
        String key = registryKey.toLowerCase(Locale.ROOT) + "/tokens/" + tokenName.toLowerCase(Locale.ROOT);
        boolean enabled = directory.get(key)
                .map(r -> "enabled".equals(RegistryDocuments.parse(r).path("properties").path("status").asText())).orElse(false);
        return enabled ? Optional.ofNullable(slot(key, slot)) : Optional.empty();
    }

    private TokenPassword slot(String ownerKey, String name) {
        return secrets.get(ownerKey, name).map(s -> new TokenPassword(name, s.createdAt(), s.expiresAt())).orElse(null);
    }
}
