package dev.cerulean.server.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of a server, with the documented defaults in {@link #defaults()}. Flags and
 * environment variables are mapped onto it by {@code Main}; tests build it directly.
 *
 * @param host               address to bind (loopback by default: this is a development tool)
 * @param httpsPort          HTTPS port for every surface; 0 picks a free one
 * @param proxyPort          plain-HTTP port that accepts CONNECT for Azure host names; 0 picks a free one, -1 disables
 * @param dataDir            CA, keys, endpoints.json and (unless in memory or PostgreSQL) the SQLite database
 * @param inMemory           keep resources in memory only (the CA and keys still live in dataDir)
 * @param databaseUrl        PostgreSQL JDBC URL to scale out, or null for the embedded SQLite store
 * @param strictApiVersions  reject well-formed api-versions a type does not declare
 * @param tenantId           the development tenant
 * @param subscriptionId     the development subscription
 * @param clientId           app id of the development service principal
 * @param clientSecret       secret of the development service principal (well known, documented)
 * @param registrySuffix     login-server suffix for registries, with leading dot
 * @param tokenLifetime      lifetime of issued access tokens
 * @param maxBodyBytes       largest accepted request body on ARM and Entra
 * @param lroPolls           how many status polls an asynchronous operation answers InProgress before it completes
 * @param lroOverrides       per-type long-running-operation styles, {@code TYPE[:OPERATION]=sync|async|location[:POLLS]}
 * @param authorization      enforce Azure RBAC on ARM requests (off: every authenticated caller may do everything)
 */
public record ServerConfig(
        String host, int httpsPort, int proxyPort, Path dataDir, boolean inMemory, String databaseUrl,
        boolean strictApiVersions, String tenantId, String subscriptionId, String clientId, String clientSecret,
        String registrySuffix, Duration tokenLifetime, long maxBodyBytes, int lroPolls,
        java.util.List<String> lroOverrides, boolean authorization) {

    /** The subscription id Microsoft's docs use in their examples. */
    public static final String DEFAULT_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    /** The example tenant id Microsoft's docs use. */
    public static final String DEFAULT_TENANT = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    /** The example application (client) id Microsoft's docs use. */
    public static final String DEFAULT_CLIENT_ID = "00001111-aaaa-2222-bbbb-3333cccc4444";
    /** The example client secret Microsoft's docs use; a development credential, never a real one. */
    public static final String DEFAULT_CLIENT_SECRET = "Aa1Bb~2Cc3.-Dd4Ee5Ff6Gg7Hh8Ii9_Jj0Kk1Ll2";

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8443, 8080,
                Path.of(System.getProperty("user.home"), ".cerulean"), false, null, false,
                DEFAULT_TENANT, DEFAULT_SUBSCRIPTION, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET,
                ".azurecr.io", Duration.ofHours(1), 4L * 1024 * 1024, 0, java.util.List.of(), true);
    }

    public ServerConfig withPorts(int https, int proxy) {
        return new ServerConfig(host, https, proxy, dataDir, inMemory, databaseUrl, strictApiVersions, tenantId,
                subscriptionId, clientId, clientSecret, registrySuffix, tokenLifetime, maxBodyBytes, lroPolls, lroOverrides, authorization);
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(host, httpsPort, proxyPort, dir, inMemory, databaseUrl, strictApiVersions, tenantId,
                subscriptionId, clientId, clientSecret, registrySuffix, tokenLifetime, maxBodyBytes, lroPolls, lroOverrides, authorization);
    }

    public ServerConfig withDatabaseUrl(String url) {
        return new ServerConfig(host, httpsPort, proxyPort, dataDir, inMemory, url, strictApiVersions, tenantId,
                subscriptionId, clientId, clientSecret, registrySuffix, tokenLifetime, maxBodyBytes, lroPolls, lroOverrides, authorization);
    }

    public ServerConfig withInMemory(boolean value) {
        return new ServerConfig(host, httpsPort, proxyPort, dataDir, value, databaseUrl, strictApiVersions, tenantId,
                subscriptionId, clientId, clientSecret, registrySuffix, tokenLifetime, maxBodyBytes, lroPolls, lroOverrides, authorization);
    }

    public ServerConfig withStrictApiVersions(boolean value) {
        return new ServerConfig(host, httpsPort, proxyPort, dataDir, inMemory, databaseUrl, value, tenantId,
                subscriptionId, clientId, clientSecret, registrySuffix, tokenLifetime, maxBodyBytes, lroPolls, lroOverrides, authorization);
    }

    public ServerConfig withLroPolls(int polls) {
        return new ServerConfig(host, httpsPort, proxyPort, dataDir, inMemory, databaseUrl, strictApiVersions, tenantId,
                subscriptionId, clientId, clientSecret, registrySuffix, tokenLifetime, maxBodyBytes, polls, lroOverrides, authorization);
    }

    public ServerConfig withLroOverrides(java.util.List<String> overrides) {
        return new ServerConfig(host, httpsPort, proxyPort, dataDir, inMemory, databaseUrl, strictApiVersions, tenantId,
                subscriptionId, clientId, clientSecret, registrySuffix, tokenLifetime, maxBodyBytes, lroPolls, java.util.List.copyOf(overrides), authorization);
    }

    public ServerConfig withAuthorization(boolean value) {
        return new ServerConfig(host, httpsPort, proxyPort, dataDir, inMemory, databaseUrl, strictApiVersions, tenantId,
                subscriptionId, clientId, clientSecret, registrySuffix, tokenLifetime, maxBodyBytes, lroPolls, lroOverrides, value);
    }
}
