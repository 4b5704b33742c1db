package dev.cerulean.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.CeruleanServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Debian {@code az} (2.45) driven against a started server, with its own throwaway config
 * directory, telemetry and error recommendations off, extensions never installed, and all traffic
 * on loopback: either through Cerulean's CONNECT proxy with the stock AzureCloud, or direct to
 * {@code https://localhost:<port>} for a registered custom cloud.
 */
public final class Az {

    private final Path az;
    private final Path configDir;
    private final Map<String, String> env = new HashMap<>();

    private Az(CeruleanServer server, boolean viaProxy) {
        this.az = Tools.require("az");
        try {
            this.configDir = Files.createTempDirectory("cerulean-az-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("AZURE_CONFIG_DIR", configDir.toString());
        env.put("AZURE_CORE_COLLECT_TELEMETRY", "false");
        env.put("AZURE_CORE_ERROR_RECOMMENDATION", "off");
        env.put("AZURE_EXTENSION_USE_DYNAMIC_INSTALL", "no");
        env.put("AZURE_CORE_SURVEY_MESSAGE", "false");
        env.put("AZURE_CORE_NO_COLOR", "true");
        env.put("AZURE_CORE_ONLY_SHOW_ERRORS", "false");
        env.put("REQUESTS_CA_BUNDLE", server.caCertificate().toAbsolutePath().toString());
        // Every Azure host name goes through Cerulean's proxy; localhost (custom cloud) goes direct.
        env.put("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort());
        env.put("HTTP_PROXY", "http://127.0.0.1:" + server.proxyPort());
        env.put("NO_PROXY", viaProxy ? "" : "localhost,127.0.0.1");
        env.put("no_proxy", viaProxy ? "" : "localhost,127.0.0.1");
    }

    /** az with the stock AzureCloud, reaching Cerulean through the CONNECT proxy. */
    public static Az viaProxy(CeruleanServer server) {
        return new Az(server, true);
    }

    /** az with a registered custom cloud whose endpoints are https://localhost:{port}. */
    public static Az customCloud(CeruleanServer server) {
        return registered(server, "https://localhost:" + server.httpsPort());
    }

    /**
     * az with a custom cloud whose authority ends in {@code /adfs} (clients.md §2.2 setup A): MSAL then
     * skips instance discovery, so nothing at all goes to Azure's host names.
     */
    public static Az adfsCloud(CeruleanServer server) {
        return registered(server, "https://localhost:" + server.httpsPort() + "/adfs");
    }

    /**
     * az with a custom cloud on localhost that also names Cerulean's Graph,
     * {@code https://localhost:<port>/graph/}. az 2.45's {@code cloud register} has no flag for the
     * Microsoft Graph endpoint, so the cloud is registered from a {@code --cloud-config} document.
     */
    public static Az customCloudWithGraph(CeruleanServer server) {
        Az a = new Az(server, false);
        String base = "https://localhost:" + server.httpsPort();
        String config = "{\"endpoints\": {\"resourceManager\": \"" + base + "/\", \"activeDirectory\": \"" + base
                + "\", \"activeDirectoryResourceId\": \"https://management.core.windows.net/\", "
                + "\"activeDirectoryGraphResourceId\": \"https://graph.windows.net/\", "
                + "\"microsoftGraphResourceId\": \"" + base + "/graph/\"}, "
                + "\"suffixes\": {\"acrLoginServerEndpoint\": \"" + server.config().registrySuffix() + "\"}}";
        try {
            Path file = Files.writeString(a.configDir.resolve("cloud.json"), config);
            a.ok("cloud", "register", "-n", "Cerulean", "--cloud-config", "@" + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        a.ok("cloud", "set", "-n", "Cerulean");
        return a;
    }

    private static Az registered(CeruleanServer server, String authority) {
        Az a = new Az(server, false);
        String base = "https://localhost:" + server.httpsPort();
        a.ok("cloud", "register", "-n", "Cerulean", "--endpoint-resource-manager", base + "/",
                "--endpoint-active-directory", authority, "--endpoint-active-directory-resource-id", "https://management.core.windows.net/",
                "--endpoint-active-directory-graph-resource-id", "https://graph.windows.net/",
                "--suffix-acr-login-server-endpoint", server.config().registrySuffix());
        a.ok("cloud", "set", "-n", "Cerulean");
        return a;
    }

    /** Logs in with the development service principal. */
    public Az login(CeruleanServer server) {
        var c = server.config();
        ok("login", "--service-principal", "-u", c.clientId(), "-p", c.clientSecret(), "--tenant", c.tenantId());
        return this;
    }

    public Processes.Result run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(az.toString());
        cmd.addAll(List.of(args));
        return Processes.run(cmd, env, configDir, 180);
    }

    /** Runs az and fails the test unless it exits 0; returns stdout. */
    public String ok(String... args) {
        Processes.Result r = run(args);
        if (r.exitCode() != 0) throw new AssertionError("az " + String.join(" ", args) + " failed: " + r.describe());
        return r.stdout();
    }

    public JsonNode json(String... args) {
        String out = ok(args);
        return out.isBlank() ? null : Json.parse(out);
    }

    public Map<String, String> env() {
        return env;
    }
}
