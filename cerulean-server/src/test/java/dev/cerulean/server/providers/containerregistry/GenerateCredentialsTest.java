package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.store.SecretRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.key;
import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static dev.cerulean.server.providers.containerregistry.Conformance.keys;
import static org.assertj.core.api.Assertions.assertThat;

/** POST generateCredentials (acr.md §3.4, seed 002, RegistryGenerateCredentials.json). */
class GenerateCredentialsTest {

    private static final String REG = registryId("rg", "myregistry");
    private static final String TOKEN = REG + "/tokens/myToken";
    private final AcrTestbed bed = new AcrTestbed();

    @BeforeEach
    void token() {
        bed.createRegistry("rg", "myregistry", "Basic");
        bed.createToken(REG, "myToken", "_repositories_pull");
    }

    private JsonNode generate(String body) {
        return bed.action(REG, "generateCredentials", body);
    }

    @Test
    void withoutNameBothPasswordsAreGenerated() {
        JsonNode result = generate("{'tokenId':'" + TOKEN + "'}");
        assertThat(keys(result)).containsExactly("passwords", "username");
        assertThat(result.get("username").asText()).isEqualTo("myToken");
        assertThat(result.get("passwords").findValuesAsText("name")).containsExactly("password1", "password2");
        for (JsonNode p : result.get("passwords")) {
            List<String> order = new java.util.ArrayList<>();
            p.fieldNames().forEachRemaining(order::add);
            assertThat(order).containsExactly("creationTime", "name", "value");
            assertThat(p.get("value").asText()).matches("^[A-Za-z0-9+/=]{32}$");
            assertThat(p.get("creationTime").asText()).isEqualTo("2024-01-03T18:38:36.7089583+00:00");
        }
    }

    @Test
    void matchesTheShapeOfRegistryGenerateCredentialsExample() {
        JsonNode example = Conformance.example("RegistryGenerateCredentials.json");
        JsonNode expected = example.get("responses").get("200").get("body");
        JsonNode result = generate("{'tokenId':'" + TOKEN + "','expiry':'2100-12-31T15:59:59.0707808Z'}");
        assertThat(keys(result)).isEqualTo(keys(expected));
        assertThat(result.get("passwords").size()).isEqualTo(expected.get("passwords").size());
        for (int i = 0; i < 2; i++) {
            JsonNode p = result.get("passwords").get(i);
            assertThat(keys(p)).containsAll(keys(expected.get("passwords").get(i))).contains("creationTime");
            assertThat(p.get("name")).isEqualTo(expected.get("passwords").get(i).get("name"));
            assertThat(p.get("expiry").asText()).isEqualTo("2100-12-31T15:59:59.0707808+00:00");
        }
    }

    @Test
    void aNamedPasswordIsTheOnlyOneRegeneratedAndAnswered() {
        JsonNode both = generate("{'tokenId':'" + TOKEN + "'}");
        String hash2 = bed.secrets.get(key(TOKEN), "password2").orElseThrow().value();
        JsonNode one = generate("{'tokenId':'" + TOKEN + "','name':'password1'}");
        assertThat(one.get("passwords").findValuesAsText("name")).containsExactly("password1");
        assertThat(one.get("passwords").get(0).get("value")).isNotEqualTo(both.get("passwords").get(0).get("value"));
        assertThat(bed.secrets.get(key(TOKEN), "password2").orElseThrow().value()).isEqualTo(hash2);
    }

    @Test
    void onlySaltedHashesAreStoredUnderTheToken() {
        JsonNode result = generate("{'tokenId':'" + TOKEN + "'}");
        List<SecretRecord> stored = bed.secrets.list(key(TOKEN));
        assertThat(stored).extracting(SecretRecord::name).containsExactlyInAnyOrder("password1", "password2");
        TokenPasswordHasher hasher = new TokenPasswordHasher();
        for (SecretRecord s : stored) {
            String value = result.get("passwords").get(s.name().equals("password1") ? 0 : 1).get("value").asText();
            assertThat(s.kind()).isEqualTo("hash");
            assertThat(s.value()).doesNotContain(value);
            assertThat(hasher.verify(value, s.value())).isTrue();
            assertThat(s.expiresAt()).isNull();
        }
    }

    @Test
    void theTokenListsThePasswordsWithoutValues() {
        generate("{'tokenId':'" + TOKEN + "','expiry':'2100-12-31T12:59:59.000Z'}");
        JsonNode passwords = bed.get(TOKEN).get("properties").get("credentials").get("passwords");
        assertThat(passwords.findValuesAsText("name")).containsExactly("password1", "password2");
        assertThat(passwords.findValues("value")).isEmpty();
        assertThat(passwords.get(0).get("expiry").asText()).isEqualTo("2100-12-31T12:59:59+00:00");
        assertThat(bed.store.get(key(TOKEN)).orElseThrow().etag()).isNotBlank();
    }

    @Test
    void theTokenIdIsMatchedCaseInsensitively() {
        assertThat(generate("{'tokenId':'" + key(TOKEN) + "'}").get("username").asText()).isEqualTo("myToken");
    }

    @Test
    void aDisabledTokenMayGetPasswords() {
        bed.patch(TOKEN, "{'properties':{'status':'disabled'}}");
        assertThat(generate("{'tokenId':'" + TOKEN + "'}").get("passwords")).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "2100-12-31T12:59:59.000Z, 2100-12-31T12:59:59Z",
            "2100-12-31T12:59:59.82054Z, 2100-12-31T12:59:59.82054Z",
            "2100-12-31T12:59:59.0707808Z, 2100-12-31T12:59:59.0707808Z",
            "2100-12-31T12:59:59Z, 2100-12-31T12:59:59Z",
            "2100-12-31T14:59:59+02:00, 2100-12-31T12:59:59Z",
            "2100-12-31T12:59:59.123456+00:00, 2100-12-31T12:59:59.123456Z",
            "2100-12-31T12:59:59, 2100-12-31T12:59:59Z",
            "2100-12-31 12:59:59Z, 2100-12-31T12:59:59Z",
            "2100-12-31, 2100-12-31T00:00:00Z"})
    void expiriesAreReadLeniently(String sent, String instant) {
        generate("{'tokenId':'" + TOKEN + "','expiry':'" + sent + "'}");
        assertThat(bed.secrets.get(key(TOKEN), "password1").orElseThrow().expiresAt()).isEqualTo(Instant.parse(instant));
    }

    @Test
    void anExpiryInThePastIsRefused() {
        ApiErrors.expect(() -> generate("{'tokenId':'" + TOKEN + "','expiry':'2020-12-31T15:59:59.0707808Z'}"), 400,
                "InvalidParameter", "The expiry '2020-12-31T15:59:59.0707808Z' must be in the future.");
        assertThat(bed.secrets.list(key(TOKEN))).isEmpty();
    }

    @Test
    void aMalformedExpiryIsRefused() {
        ApiErrors.expect(() -> generate("{'tokenId':'" + TOKEN + "','expiry':'next tuesday'}"), 400, "InvalidParameter",
                "The expiry 'next tuesday' is not a valid ISO 8601 date and time, e.g. 2030-12-31T23:59:59Z.");
    }

    @Test
    void tokenIdIsRequired() {
        ApiErrors.expect(() -> generate("{}"), 400, "InvalidParameter", "The property 'tokenId' is required.");
        ApiErrors.expect(() -> generate(null), 400, "InvalidParameter", "The property 'tokenId' is required.");
    }

    @Test
    void aTokenOfAnotherRegistryIsRefused() {
        bed.createRegistry("rg", "otherregistry", "Basic");
        bed.createToken(registryId("rg", "otherregistry"), "myToken", "_repositories_pull");
        String other = registryId("rg", "otherregistry") + "/tokens/myToken";
        ApiErrors.expect(() -> generate("{'tokenId':'" + other + "'}"), 400, "InvalidParameter",
                "The token '" + other + "' is not a token of the registry 'myregistry'.");
    }

    @Test
    void aMissingTokenIsNotFound() {
        ApiErrors.expect(() -> generate("{'tokenId':'" + REG + "/tokens/nosuchtoken'}"), 404, "ResourceNotFound",
                "The resource nosuchtoken could not be found.");
    }

    @Test
    void anUnknownPasswordNameIsRefused() {
        ApiErrors.expect(() -> generate("{'tokenId':'" + TOKEN + "','name':'password'}"), 400, "InvalidPasswordName",
                "The password name 'password' is invalid. Valid values are 'password1' and 'password2'.");
    }

    @Test
    void regeneratingInvalidatesTheOldValueAtOnce() {
        String old = generate("{'tokenId':'" + TOKEN + "','name':'password1'}").get("passwords").get(0).get("value").asText();
        String fresh = generate("{'tokenId':'" + TOKEN + "','name':'password1'}").get("passwords").get(0).get("value").asText();
        RegistryCredentials creds = bed.provider.credentials();
        assertThat(creds.verifyTokenPassword(key(TOKEN), old)).isFalse();
        assertThat(creds.verifyTokenPassword(key(TOKEN), fresh)).isTrue();
    }
}
