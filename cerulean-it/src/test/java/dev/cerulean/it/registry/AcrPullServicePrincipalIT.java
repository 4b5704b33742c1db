package dev.cerulean.it.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static dev.cerulean.it.registry.Podman.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's walk-through with the real tools (graph-rbac.md §6): {@code az ad sp create-for-rbac --role
 * acrpull --scopes <registry>} (on Debian's az 2.45, which stops in its authorization SDK, §0: the
 * identity without a role, then the AcrPull assignment with {@code az rest}), {@code az login} as that
 * identity, {@code az acr login --expose-token} (the filtered resource list comes back empty and az
 * falls back to the login server), podman pulls but may not push, {@code az acr show} and
 * {@code az group create} are refused with ARM's 403; a Contributor assignment on the group makes the
 * refused commands, and the push, succeed at once.
 */
class AcrPullServicePrincipalIT {

    static final String ZERO = "00000000-0000-0000-0000-000000000000";
    static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    static CeruleanServer server;
    static Podman podman;
    static String sub;
    static String group;
    static String name;
    static String registryId;
    static String ls;

    @BeforeAll
    static void start() throws IOException {
        Path executable = Tools.require("podman");
        server = TestServers.shared();
        AcrFixtures fx = new AcrFixtures(server);
        sub = server.config().subscriptionId();
        group = fx.resourceGroup("acrpullsp-");
        name = AcrFixtures.unique("acrpullsp");
        registryId = fx.registry(group, name, "Standard", true);
        ls = name + ".azurecr.io";
        podman = new Podman(executable, Files.createTempDirectory("cerulean-acrpull-"), server);
        // the image the identity will pull, pushed with the admin user
        podman.loadImage("pulled by an AcrPull identity\n", "localhost/acrpull-test:latest");
        String admin = fx.arm("POST", registryId + "/listCredentials", null).json().at("/passwords/0/value").asText();
        ok(podman.run("push", "--creds", name + ":" + admin, "localhost/acrpull-test:latest", ls + "/hello:v1"));
    }

    @Test
    void acrPullIdentityPullsIsRefusedElsewhereAndAContributorAssignmentAppliesAtOnce() {
        Az owner = Az.viaProxy(server).login(server);

        // 1. the identity, with AcrPull on the registry
        Processes.Result withRole = owner.run("ad", "sp", "create-for-rbac", "--name", name + "-ci", "--role", "acrpull",
                "--scopes", registryId, "--output", "json");
        JsonNode created;
        if (withRole.exitCode() == 0) {
            created = dev.cerulean.core.json.Json.parse(withRole.stdout());
        } else {
            // Debian's az 2.45 creates app, password and principal, then dies in azure-mgmt-authorization 3.0.0
            // without printing the password (graph-rbac.md §0); a re-run without the role patches the app and
            // prints a fresh password, and the assignment goes through az rest.
            assertThat(withRole.stderr()).as(withRole.describe()).contains("config");
            created = owner.json("ad", "sp", "create-for-rbac", "--name", name + "-ci", "--output", "json");
        }
        String appId = created.get("appId").asText();
        String password = created.get("password").asText();
        String objectId = owner.ok("ad", "sp", "show", "--id", appId, "--query", "id", "--output", "tsv").strip();
        if (withRole.exitCode() != 0) {
            JsonNode acrPull = owner.json("rest", "--method", "get", "--url", "/subscriptions/" + sub
                    + "/providers/Microsoft.Authorization/roleDefinitions?$filter=roleName eq 'AcrPull'&api-version=2022-04-01");
            assertThat(acrPull.at("/value/0/name").asText()).isEqualTo(ACR_PULL);
            assign(owner, registryId, acrPull.at("/value/0/id").asText(), objectId);
        }
        JsonNode assignments = owner.json("rest", "--method", "get", "--url", registryId
                + "/providers/Microsoft.Authorization/roleAssignments?$filter=principalId eq '" + objectId + "'&api-version=2022-04-01");
        assertThat(assignments.path("value")).singleElement().satisfies(a -> {
            assertThat(a.at("/properties/roleDefinitionId").asText()).endsWith("/roleDefinitions/" + ACR_PULL);
            assertThat(a.at("/properties/scope").asText()).isEqualTo(registryId);
        });

        // 2. az login as the identity; az acr login finds no registry it may read and falls back to the login server
        Az ci = Az.viaProxy(server);
        ci.ok("login", "--service-principal", "-u", appId, "-p", password, "--tenant", server.config().tenantId());
        JsonNode exposed = ci.json("acr", "login", "-n", name, "--expose-token", "--output", "json");
        assertThat(exposed.get("loginServer").asText()).isEqualTo(ls);
        String token = exposed.get("accessToken").asText();

        // 3. podman: pull works, push is refused as ACR refuses it
        ok(podman.run("login", ls, "--username", ZERO, "--password", token));
        ok(podman.run("pull", ls + "/hello:v1"));
        ok(podman.run("tag", ls + "/hello:v1", ls + "/hello:v2"));
        Processes.Result push = podman.run("push", ls + "/hello:v2");
        assertThat(push.exitCode()).as(push.describe()).isNotZero();
        assertThat(push.stderr()).contains("requested access to the resource is denied");

        // 4. ARM refuses what AcrPull does not allow, with ARM's 403 message
        Processes.Result show = ci.run("acr", "show", "-n", name, "-g", group);
        assertThat(show.exitCode()).isNotZero();
        assertThat(show.stderr()).contains("(AuthorizationFailed)").contains("The client '" + objectId + "' with object id '"
                + objectId + "' does not have authorization to perform action 'Microsoft.ContainerRegistry/registries/read' over scope '"
                + registryId + "' or the scope is invalid.");
        Processes.Result groupUpdate = ci.run("group", "create", "-n", group, "-l", "westus");
        assertThat(groupUpdate.exitCode()).isNotZero();
        assertThat(groupUpdate.stderr()).contains("(AuthorizationFailed)")
                .contains("'Microsoft.Resources/subscriptions/resourceGroups/write' over scope '/subscriptions/" + sub
                        + "/resourceGroups/" + group + "'");

        // 5. Contributor on the group: the refused commands succeed on the next request, the push too
        assign(owner, "/subscriptions/" + sub + "/resourceGroups/" + group, "/subscriptions/" + sub
                + "/providers/Microsoft.Authorization/roleDefinitions/" + CONTRIBUTOR, objectId);
        assertThat(ci.json("acr", "show", "-n", name, "-g", group, "--output", "json").get("id").asText()).isEqualTo(registryId);
        assertThat(ci.json("group", "create", "-n", group, "-l", "westus", "--output", "json").get("name").asText()).isEqualTo(group);
        ok(podman.run("push", ls + "/hello:v2"));
        // Contributor on one group still grants nothing at the subscription
        Processes.Result newGroup = ci.run("group", "create", "-n", group + "-other", "-l", "westus");
        assertThat(newGroup.exitCode()).isNotZero();
        assertThat(newGroup.stderr()).contains("(AuthorizationFailed)");
        ok(podman.run("logout", ls));
    }

    /** PUT a role assignment with {@code az rest} at the api-version of later az releases (graph-rbac.md §0). */
    private static void assign(Az az, String scope, String roleDefinitionId, String principalId) {
        String id = scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
        JsonNode created = az.json("rest", "--method", "put", "--url", id + "?api-version=2022-04-01", "--body",
                "{\"properties\":{\"roleDefinitionId\":\"" + roleDefinitionId + "\",\"principalId\":\"" + principalId
                        + "\",\"principalType\":\"ServicePrincipal\"}}");
        assertThat(created.get("id").asText()).isEqualTo(id);
    }
}
