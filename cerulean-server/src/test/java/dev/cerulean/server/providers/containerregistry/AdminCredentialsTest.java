package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.store.SecretRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.key;
import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static org.assertj.core.api.Assertions.assertThat;

/** listCredentials and regenerateCredential of the admin user (acr.md §1.9). */
class AdminCredentialsTest {

    private static final String ID = registryId("rg", "MyRegistry");
    private static final String DISABLED = "Cannot perform credential operations for " + ID
            + " as admin user is disabled. Kindly enable admin user as per docs: https://docs.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account";

    private final AcrTestbed bed = new AcrTestbed();

    private void createWithAdmin(boolean enabled) {
        bed.put(ID, "{'location':'westus','sku':{'name':'Basic'},'properties':{'adminUserEnabled':" + enabled + "}}");
    }

    private List<String> values(JsonNode credentials) {
        return credentials.get("passwords").findValuesAsText("value");
    }

    @Test
    void listCredentialsIsRefusedWhileTheAdminUserIsDisabled() {
        createWithAdmin(false);
        ApiErrors.expect(() -> bed.action(ID, "listCredentials", null), 400, "UnAuthorizedForCredentialOperations", DISABLED);
    }

    @Test
    void regenerateIsRefusedWhileTheAdminUserIsDisabled() {
        createWithAdmin(false);
        ApiErrors.expect(() -> bed.action(ID, "regenerateCredential", "{'name':'password'}"), 400,
                "UnAuthorizedForCredentialOperations", DISABLED);
    }

    @Test
    void listCredentialsAnswersTheRegistryNameAndTwoPasswords() {
        createWithAdmin(true);
        JsonNode creds = bed.action(ID, "listCredentials", null);
        assertThat(creds.get("username").asText()).isEqualTo("MyRegistry");
        assertThat(creds.get("passwords").findValuesAsText("name")).containsExactly("password", "password2");
        assertThat(values(creds)).allMatch(v -> v.matches("^[A-Za-z0-9+/=]{32}$"));
        assertThat(values(creds).get(0)).isNotEqualTo(values(creds).get(1));
        assertThat(bed.action(ID, "listCredentials", null)).isEqualTo(creds);
    }

    @Test
    void matchesTheShapeOfRegistryListCredentialsExample() {
        JsonNode expected = Conformance.example("RegistryListCredentials.json").get("responses").get("200").get("body");
        createWithAdmin(true);
        JsonNode creds = bed.action(ID, "listCredentials", null);
        assertThat(Conformance.keys(creds)).isEqualTo(Conformance.keys(expected));
        assertThat(Conformance.keys(creds.get("passwords").get(0))).isEqualTo(Conformance.keys(expected.get("passwords").get(0)));
    }

    @Test
    void adminPasswordsAreStoredSealedUnderTheRegistryKey() {
        createWithAdmin(true);
        List<String> plain = values(bed.action(ID, "listCredentials", null));
        List<SecretRecord> stored = bed.secrets.list(key(ID));
        assertThat(stored).extracting(SecretRecord::name).containsExactlyInAnyOrder("password", "password2");
        assertThat(stored).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo("sealed");
            assertThat(s.expiresAt()).isNull();
            assertThat(plain).noneMatch(p -> s.value().contains(p));
        });
        SecretRecord first = bed.secrets.get(key(ID), "password").orElseThrow();
        assertThat(bed.sealer.open(first.value(), key(ID) + "#password")).isEqualTo(plain.get(0));
    }

    @Test
    void regenerateReplacesOnlyTheNamedPassword() {
        createWithAdmin(true);
        List<String> before = values(bed.action(ID, "listCredentials", null));
        JsonNode after = bed.action(ID, "regenerateCredential", "{'name':'password2'}");
        assertThat(values(after).get(0)).isEqualTo(before.get(0));
        assertThat(values(after).get(1)).isNotEqualTo(before.get(1));
        assertThat(values(bed.action(ID, "listCredentials", null))).isEqualTo(values(after));
    }

    @Test
    void regenerateRefusesOtherNames() {
        createWithAdmin(true);
        ApiErrors.expect(() -> bed.action(ID, "regenerateCredential", "{'name':'password1'}"), 400, "InvalidPasswordName",
                "The password name 'password1' is invalid. Valid values are 'password' and 'password2'.");
        ApiErrors.expect(() -> bed.action(ID, "regenerateCredential", "{}"), 400, "InvalidPasswordName",
                "The password name '' is invalid. Valid values are 'password' and 'password2'.");
    }

    @Test
    void passwordsAreCreatedWhenTheAdminUserIsFirstEnabled() {
        createWithAdmin(false);
        assertThat(bed.secrets.list(key(ID))).isEmpty();
        bed.patch(ID, "{'properties':{'adminUserEnabled':true}}");
        assertThat(bed.secrets.list(key(ID))).hasSize(2);
    }

    @Test
    void passwordsSurviveDisableAndReEnable() {
        createWithAdmin(true);
        List<String> before = values(bed.action(ID, "listCredentials", null));
        bed.patch(ID, "{'properties':{'adminUserEnabled':false}}");
        bed.patch(ID, "{'properties':{'adminUserEnabled':'true'}}");
        assertThat(values(bed.action(ID, "listCredentials", null))).isEqualTo(before);
    }

    @Test
    void theDataPlaneAcceptsAdminPasswordsOnlyWhileEnabled() {
        createWithAdmin(true);
        List<String> pw = values(bed.action(ID, "listCredentials", null));
        RegistryCredentials creds = bed.provider.credentials();
        assertThat(creds.verifyAdminPassword(key(ID), pw.get(0))).isTrue();
        assertThat(creds.verifyAdminPassword(key(ID), pw.get(1))).isTrue();
        assertThat(creds.verifyAdminPassword(key(ID), pw.get(0) + "x")).isFalse();
        bed.patch(ID, "{'properties':{'adminUserEnabled':false}}");
        assertThat(creds.verifyAdminPassword(key(ID), pw.get(0))).isFalse();
    }

    @Test
    void aPasswordSealedUnderALostKeyIsReplaced() {
        createWithAdmin(true);
        SecretRecord s = bed.secrets.get(key(ID), "password").orElseThrow();
        String foreign = SecretSealer.fromKey(new byte[32]).seal("oldpassword", key(ID) + "#password");
        bed.secrets.put(new SecretRecord(s.ownerKey(), s.name(), s.kind(), foreign, s.createdAt(), null));
        assertThat(bed.provider.credentials().verifyAdminPassword(key(ID), "oldpassword")).isFalse();
        List<String> now = values(bed.action(ID, "listCredentials", null));
        assertThat(now).hasSize(2).doesNotContain("oldpassword");
        assertThat(bed.provider.credentials().verifyAdminPassword(key(ID), now.get(0))).isTrue();
    }
}
