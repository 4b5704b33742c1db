package dev.cerulean.server.registry.auth;

import dev.cerulean.server.providers.containerregistry.RegistryCredentials;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Registries, admin passwords and repository tokens in memory, changeable between requests as ARM would change them. */
final class FakeRegistryCredentials implements RegistryCredentials {

    record Password(String value, Instant createdAt, Instant expiresAt) {}

    static final class Token {
        boolean enabled = true;
        List<String> actions = new ArrayList<>();
        final Map<String, Password> passwords = new LinkedHashMap<>();
    }

    final Map<String, RegistryView> registries = new HashMap<>();
    final Map<String, Map<String, Password>> admin = new HashMap<>();
    final Map<String, Token> tokens = new HashMap<>();
    private final Clock clock;

    FakeRegistryCredentials(Clock clock) {
        this.clock = clock;
    }

    RegistryView add(String sub, String name, boolean admin, boolean anonymousPull) {
        String id = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/" + name;
        RegistryView v = new RegistryView(id.toLowerCase(Locale.ROOT), id, name, name.toLowerCase(Locale.ROOT) + ".azurecr.io",
                "Standard", admin, anonymousPull, true);
        registries.put(v.loginServer(), v);
        return v;
    }

    RegistryView update(RegistryView r, boolean admin, boolean anonymousPull) {
        RegistryView v = new RegistryView(r.key(), r.id(), r.name(), r.loginServer(), r.sku(), admin, anonymousPull, r.aadAuthenticationAsArm());
        registries.put(v.loginServer(), v);
        return v;
    }

    void adminPassword(RegistryView r, String slot, String value) {
        admin.computeIfAbsent(r.key(), k -> new LinkedHashMap<>()).put(slot, new Password(value, clock.instant(), null));
    }

    Token token(RegistryView r, String name, String... actions) {
        Token t = new Token();
        t.actions = new ArrayList<>(List.of(actions));
        tokens.put(r.key() + "/tokens/" + name.toLowerCase(Locale.ROOT), t);
        return t;
    }

    void tokenPassword(Token t, String slot, String value, Instant expiresAt) {
        t.passwords.put(slot, new Password(value, clock.instant(), expiresAt));
    }

    @Override
    public Optional<RegistryView> registryByLoginServer(String host) {
        return Optional.ofNullable(registries.get(host.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<TokenView> token(String registryKey, String tokenName) {
        String key = registryKey + "/tokens/" + tokenName.toLowerCase(Locale.ROOT);
        Token t = tokens.get(key);
        if (t == null) return Optional.empty();
        List<TokenPassword> slots = t.passwords.entrySet().stream()
                .map(e -> new TokenPassword(e.getKey(), e.getValue().createdAt(), e.getValue().expiresAt())).toList();
        return Optional.of(new TokenView(key, tokenName, t.enabled, "scope-map", List.copyOf(t.actions), slots));
    }

    @Override
    public boolean verifyTokenPassword(String tokenKey, String password) {
        return matchTokenPassword(tokenKey, password).isPresent();
    }

    @Override
    public Optional<TokenPassword> matchTokenPassword(String tokenKey, String password) {
        Token t = tokens.get(tokenKey);
        if (t == null || !t.enabled) return Optional.empty();
        return t.passwords.entrySet().stream()
                .filter(e -> same(e.getValue().value(), password))
                .filter(e -> e.getValue().expiresAt() == null || clock.instant().isBefore(e.getValue().expiresAt()))
                .map(e -> new TokenPassword(e.getKey(), e.getValue().createdAt(), e.getValue().expiresAt())).findFirst();
    }

    @Override
    public boolean verifyAdminPassword(String registryKey, String password) {
        return matchAdminPassword(registryKey, password).isPresent();
    }

    @Override
    public Optional<TokenPassword> matchAdminPassword(String registryKey, String password) {
        if (!enabled(registryKey)) return Optional.empty();
        return admin.getOrDefault(registryKey, Map.of()).entrySet().stream().filter(e -> same(e.getValue().value(), password))
                .map(e -> new TokenPassword(e.getKey(), e.getValue().createdAt(), null)).findFirst();
    }

    @Override
    public List<TokenPassword> adminPasswords(String registryKey) {
        if (!enabled(registryKey)) return List.of();
        return admin.getOrDefault(registryKey, Map.of()).entrySet().stream()
                .map(e -> new TokenPassword(e.getKey(), e.getValue().createdAt(), null)).toList();
    }

    private boolean enabled(String registryKey) {
        return registries.values().stream().anyMatch(r -> r.key().equals(registryKey) && r.adminUserEnabled());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
