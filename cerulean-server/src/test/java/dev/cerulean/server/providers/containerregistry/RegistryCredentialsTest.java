package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.TokenView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.key;
import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static org.assertj.core.api.Assertions.assertThat;

/** The data plane's read interface over what the provider stored (acr.md §5.3, §5.7). */
class RegistryCredentialsTest {

    private static final String REG = registryId("rg", "MyRegistry");
    private static final String TOKEN = REG + "/tokens/mytoken";

    private final AcrTestbed bed = new AcrTestbed(".azurecr.local:8443");
    private final RegistryCredentials creds = bed.provider.credentials();

    private String tokenWithPassword(String expiry) {
        bed.put(REG, "{'location':'westus','sku':{'name':'Standard'},'properties':{'anonymousPullEnabled':true}}");
        bed.createScopeMap(REG, "readers", "repositories/hello-world/content/read", "repositories/hello-world/metadata/read");
        bed.createToken(REG, "mytoken", "readers");
        String body = "{'tokenId':'" + TOKEN + "','name':'password1'" + (expiry == null ? "" : ",'expiry':'" + expiry + "'") + "}";
        return bed.action(REG, "generateCredentials", body).get("passwords").get(0).get("value").asText();
    }

    @Test
    void findsARegistryByItsLoginServerInAnyCase() {
        tokenWithPassword(null);
        RegistryView view = creds.registryByLoginServer("MyRegistry.azurecr.local:8443").orElseThrow();
        assertThat(view.key()).isEqualTo(key(REG));
        assertThat(view.name()).isEqualTo("MyRegistry");
        assertThat(view.loginServer()).isEqualTo("myregistry.azurecr.local:8443");
        assertThat(view.sku()).isEqualTo("Standard");
        assertThat(view.adminUserEnabled()).isFalse();
        assertThat(view.anonymousPullEnabled()).isTrue();
        assertThat(view.aadAuthenticationAsArm()).isTrue();
    }

    @Test
    void findsARegistryWithOrWithoutThePort() {
        tokenWithPassword(null);
        assertThat(creds.registryByLoginServer("myregistry.azurecr.local")).isPresent();
        assertThat(creds.registryByLoginServer("myregistry.azurecr.local:443")).isPresent();
        assertThat(creds.registryByLoginServer("other.azurecr.local:8443")).isEmpty();
    }

    @Test
    void aTokenViewCarriesItsScopeMapsActionsAndPasswordSlots() {
        tokenWithPassword("2100-01-01T00:00:00Z");
        TokenView token = creds.token(key(REG), "MYTOKEN").orElseThrow();
        assertThat(token.key()).isEqualTo(key(TOKEN));
        assertThat(token.name()).isEqualTo("mytoken");
        assertThat(token.enabled()).isTrue();
        assertThat(token.actions()).containsExactly("repositories/hello-world/content/read", "repositories/hello-world/metadata/read");
        assertThat(token.passwords()).hasSize(1);
        assertThat(token.passwords().get(0).name()).isEqualTo("password1");
        assertThat(token.passwords().get(0).expiresAt()).isEqualTo(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(creds.token(key(REG), "nosuchtoken")).isEmpty();
        assertThat(creds.token(key(REG), "mytoken/../mytoken")).isEmpty();
    }

    @Test
    void scopeMapChangesApplyToTheTokenAtOnce() {
        tokenWithPassword(null);
        bed.patch(REG + "/scopeMaps/readers", "{'properties':{'actions':['repositories/other/content/write']}}");
        assertThat(creds.token(key(REG), "mytoken").orElseThrow().actions()).containsExactly("repositories/other/content/write");
    }

    @Test
    void aValidPasswordVerifies() {
        String password = tokenWithPassword(null);
        assertThat(creds.verifyTokenPassword(key(TOKEN), password)).isTrue();
        assertThat(creds.verifyTokenPassword(TOKEN, password)).isTrue();
        assertThat(creds.verifyTokenPassword(key(TOKEN), password.substring(1))).isFalse();
        assertThat(creds.verifyTokenPassword(key(TOKEN), null)).isFalse();
    }

    @Test
    void aDisabledTokenVerifiesNothing() {
        String password = tokenWithPassword(null);
        bed.patch(TOKEN, "{'properties':{'status':'disabled'}}");
        assertThat(creds.verifyTokenPassword(key(TOKEN), password)).isFalse();
        assertThat(creds.token(key(REG), "mytoken").orElseThrow().enabled()).isFalse();
    }

    @Test
    void anExpiredPasswordVerifiesNothing() {
        String password = tokenWithPassword("2024-01-04T00:00:00Z");
        assertThat(creds.verifyTokenPassword(key(TOKEN), password)).isTrue();
        bed.clock.advance(Duration.ofDays(1));
        assertThat(creds.verifyTokenPassword(key(TOKEN), password)).isFalse();
    }

    @Test
    void aDeletedPasswordOrTokenVerifiesNothing() {
        String password = tokenWithPassword(null);
        bed.patch(TOKEN, "{'properties':{'credentials':{'passwords':[]}}}");
        assertThat(creds.verifyTokenPassword(key(TOKEN), password)).isFalse();
        String again = bed.action(REG, "generateCredentials", "{'tokenId':'" + TOKEN + "'}").get("passwords").get(0).get("value").asText();
        bed.delete(TOKEN);
        assertThat(creds.verifyTokenPassword(key(TOKEN), again)).isFalse();
    }

    @Test
    void passwordMatchesNameTheSlotTheDataPlaneRechecks() {
        String password = tokenWithPassword(null);
        var slot = creds.matchTokenPassword(key(TOKEN), password).orElseThrow();
        assertThat(slot.name()).isEqualTo("password1");
        assertThat(creds.enabledTokenSlot(key(REG), "MyToken", "password1")).contains(slot);
        assertThat(creds.enabledTokenSlot(key(REG), "mytoken", "password2")).isEmpty();
        bed.patch(TOKEN, "{'properties':{'status':'disabled'}}");
        assertThat(creds.matchTokenPassword(key(TOKEN), password)).isEmpty();
        assertThat(creds.enabledTokenSlot(key(REG), "mytoken", "password1")).isEmpty();
    }

    @Test
    void adminSlotsAreNamedAndRegenerationChangesThem() {
        bed.put(REG, "{'location':'westus','sku':{'name':'Standard'},'properties':{'adminUserEnabled':true}}");
        String password = bed.action(REG, "listCredentials", null).get("passwords").get(1).get("value").asText();
        bed.secrets.gets = 0;
        var slot = creds.matchAdminPassword(key(REG), password).orElseThrow();
        assertThat(slot.name()).isEqualTo("password2");
        assertThat(bed.secrets.gets).as("each slot's secret read once").isEqualTo(2);
        assertThat(creds.adminPasswords(key(REG))).extracting(RegistryCredentials.TokenPassword::name).containsExactly("password", "password2");
        assertThat(creds.adminPasswordSlot(key(REG), "password2")).contains(slot);
        bed.clock.advance(Duration.ofSeconds(1));
        bed.action(REG, "regenerateCredential", "{'name':'password2'}");
        assertThat(creds.adminPasswordSlot(key(REG), "password2").orElseThrow().createdAt()).isAfter(slot.createdAt());
        assertThat(creds.matchAdminPassword(key(REG), password)).isEmpty();
        bed.patch(REG, "{'properties':{'adminUserEnabled':false}}");
        assertThat(creds.adminPasswords(key(REG))).isEmpty();
    }
}
