package dev.cerulean.server.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The no-proxy way to a registry: the Host header picks the registry, so any name that reaches
 * the HTTPS port works — here curl's {@code --connect-to} sends {@code myreg.azurecr.io} to
 * localhost (a hosts-file line does the same for every client). Unknown registry hosts answer
 * the OCI 404; {@code /oauth2/*} and other surfaces' hosts are left to their handlers.
 */
class RegistryHostsTest {

    @TempDir
    static Path dir;
    static RegistryTestbed bed;
    static String curl;

    @BeforeAll
    static void start() throws Exception {
        curl = SkopeoRegistryTest.find("curl");
        bed = RegistryTestbed.start(dir, 0);
    }

    @AfterAll
    static void stop() {
        if (bed != null) bed.close();
    }

    /** Status line code and body of {@code GET https://<host><path>} sent to the local port. */
    static String[] get(String host, String path) throws Exception {
        List<String> command = new ArrayList<>(List.of(curl, "-s", "-w", "\n%{http_code}", "--cacert",
                dir.resolve("tls/ca.pem").toString(), "--connect-to", host + ":443:localhost:" + bed.port(),
                "-u", "myreg:secret", "https://" + host + path));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("HTTPS_PROXY");
        pb.environment().remove("https_proxy");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int nl = out.lastIndexOf('\n');
        return new String[] {out.substring(nl + 1), out.substring(0, nl).trim()};
    }

    @Test
    void theHostHeaderPicksTheRegistryCaseInsensitively() throws Exception {
        assertThat(get("myreg.azurecr.io", "/v2/")).containsExactly("200", "{}");
        assertThat(get("MyReg.AzureCR.io", "/v2/")[0]).isEqualTo("200");
    }

    @Test
    void anUnknownRegistryHostIsAnOci404() throws Exception {
        String[] r = get("nosuchregistry.azurecr.io", "/v2/");
        assertThat(r[0]).isEqualTo("404");
        assertThat(r[1]).contains("\"code\":\"NAME_UNKNOWN\"").contains("nosuchregistry.azurecr.io");
    }

    @Test
    void tokenEndpointsAndOtherSurfacesAreNotServedHere() throws Exception {
        assertThat(get("myreg.azurecr.io", "/oauth2/token")[1]).contains("was not found");
        assertThat(get("management.azure.com", "/v2/")[1]).doesNotContain("NAME_UNKNOWN");
    }
}
