package dev.cerulean.server.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import dev.cerulean.server.registry.auth.FakeRegistryCredentials.Token;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.cerulean.server.registry.auth.AuthTestbed.SP_APP;
import static dev.cerulean.server.registry.auth.AuthTestbed.SP_OID;
import static dev.cerulean.server.registry.auth.AuthTestbed.SUB;
import static dev.cerulean.server.registry.auth.AuthTestbed.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token endpoints' grants (acr.md §5.5): requested ∩ allowed per scope, and their refusals. */
class TokenServiceTest {

    final AuthTestbed bed = new AuthTestbed();
    RegistryView reg = bed.creds.add(SUB, "myregistry", true, false);

    static JsonNode claims(String jwt) {
        return Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void eachRequestedScopeGetsWhatIsAllowedEvenNothing() {
        Token t = bed.creds.token(reg, "puller", "repositories/hello/content/read");
        bed.creds.tokenPassword(t, "password1", "pw", null);
        String jwt = bed.accessToken(reg, basic("puller", "pw"), "repository:hello:pull,push repository:other:pull",
                "registry:catalog:*");
        assertThat(claims(jwt).get("access").toString()).isEqualTo("[{\"type\":\"repository\",\"name\":\"hello\",\"actions\":[\"pull\"]},"
                + "{\"type\":\"repository\",\"name\":\"other\",\"actions\":[]},{\"type\":\"registry\",\"name\":\"catalog\",\"actions\":[]}]");
        assertThat(claims(jwt).get("sub").asText()).isEqualTo("puller");
    }

    @Test
    void pullBringsMetadataReadOnlyWhereTheScopeMapHasIt() {
        Token t = bed.creds.token(reg, "reader", "repositories/hello/content/read", "repositories/hello/metadata/read");
        bed.creds.tokenPassword(t, "password1", "pw", null);
        assertThat(claims(bed.accessToken(reg, basic("reader", "pw"), "repository:hello:pull")).at("/access/0/actions").toString())
                .isEqualTo("[\"pull\",\"metadata_read\"]");
    }

    @Test
    void noScopeGivesAnEmptyAccessList() {
        bed.creds.adminPassword(reg, "password", "admin-pw");
        assertThat(claims(bed.accessToken(reg, basic("myregistry", "admin-pw"))).get("access").toString()).isEqualTo("[]");
    }

    @Test
    void starOnARepositoryIsEveryActionTheCallerHas() {
        bed.grant(SP_OID, Rights.ARM_PULL, Rights.ARM_PUSH);
        String jwt = bed.accessToken(reg, basic(SP_APP, AuthTestbed.SP_SECRET), "repository:hello:*");
        assertThat(claims(jwt).at("/access/0/actions").toString()).isEqualTo("[\"pull\",\"push\",\"metadata_read\",\"metadata_write\"]");
        assertThat(claims(jwt).get("oid").asText()).isEqualTo(SP_OID);
    }

    @Test
    void refusalsAreUnauthorizedOrUnsupported() {
        assertThatThrownBy(() -> bed.accessToken(reg, null, "repository:hello:pull"))
                .isInstanceOf(ApiError.class).hasFieldOrPropertyWithValue("code", "UNAUTHORIZED");
        assertThatThrownBy(() -> bed.accessToken(reg, basic("myregistry", "wrong"), "repository:hello:pull"))
                .hasFieldOrPropertyWithValue("code", "UNAUTHORIZED");
        assertThatThrownBy(() -> bed.service.tokenForHeader(reg, null, "other.azurecr.io", List.of()))
                .hasFieldOrPropertyWithValue("code", "UNAUTHORIZED");
        assertThatThrownBy(() -> bed.service.tokenForForm(reg, Map.of("grant_type", "client_credentials")::get, List.of()))
                .hasFieldOrPropertyWithValue("code", "UNSUPPORTED").hasFieldOrPropertyWithValue("status", 400);
        assertThatThrownBy(() -> bed.service.tokenForForm(reg, Map.of("grant_type", "refresh_token")::get, List.of()))
                .hasFieldOrPropertyWithValue("status", 400);
        assertThatThrownBy(() -> bed.service.tokenForForm(reg, Map.of("grant_type", "refresh_token", "refresh_token", "x.y.z")::get,
                List.of())).hasFieldOrPropertyWithValue("status", 401);
        assertThatThrownBy(() -> bed.service.exchange(reg, Map.of("grant_type", "refresh_token")::get))
                .hasFieldOrPropertyWithValue("code", "UNSUPPORTED");
        assertThatThrownBy(() -> bed.service.exchange(reg, Map.of("grant_type", "access_token", "service", reg.loginServer(),
                "access_token", "garbage")::get)).hasFieldOrPropertyWithValue("status", 401);
    }

    @Test
    void passwordGrantWithoutCredentialsIsAnonymousWhereAllowed() {
        reg = bed.creds.update(reg, true, true);
        String jwt = bed.service.tokenForForm(reg, Map.of("grant_type", "password", "service", reg.loginServer())::get,
                List.of("repository:hello:push,pull"));
        assertThat(claims(jwt).at("/access/0/actions").toString()).isEqualTo("[\"pull\",\"metadata_read\"]");
        assertThat(claims(jwt).get("sub").asText()).isEqualTo("anonymous");
    }

    @Test
    void refreshGrantEvaluatesRolesNow() {
        String refresh = bed.refreshToken(reg);
        bed.grant(SP_OID, Rights.ARM_PULL);
        String jwt = bed.service.tokenForForm(reg, Map.of("grant_type", "refresh_token", "service", reg.loginServer(),
                "refresh_token", refresh)::get, List.of("repository:hello:pull,push,delete"));
        assertThat(claims(jwt).at("/access/0/actions").toString()).isEqualTo("[\"pull\",\"metadata_read\"]");
        assertThat(claims(jwt).get("sub").asText()).isEqualTo(SP_APP);
    }

    @Test
    void scopesParseFromTheFirstAndLastColon() {
        assertThat(TokenService.parseScopes(List.of("repository:samples/hello:pull,push", "registry:catalog:* bad",
                "artifact-repository:charts/a:pull"))).containsExactly(
                AccessScope.repository("samples/hello", "pull", "push"), AccessScope.catalog(),
                AccessScope.repository("charts/a", "pull"));
    }

    @Test
    void theGetFormAlsoTakesAnAccessTokenAsBearerOrWithTheZeroGuidAndARefreshToken() {
        bed.creds.adminPassword(reg, "password", "admin-pw");
        String first = bed.accessToken(reg, basic("myregistry", "admin-pw"), "repository:hello:pull");
        // docker and containerd re-present an access token; never more than the token itself grants
        for (String authorization : List.of(AuthTestbed.bearer(first), basic(Authenticator.TOKEN_USER, first))) {
            String again = bed.accessToken(reg, authorization, "repository:hello:pull,push");
            assertThat(claims(again).get("sub").asText()).isEqualTo("myregistry");
            assertThat(claims(again).at("/access/0/actions").toString()).contains("pull").doesNotContain("push");
        }
        // docker login -u 00000000-0000-0000-0000-000000000000 -p <refresh token>: the identity's roles now
        bed.grant(SP_OID, Rights.ARM_PULL, Rights.ARM_PUSH);
        String viaRefresh = bed.accessToken(reg, basic(Authenticator.TOKEN_USER, bed.refreshToken(reg)), "repository:hello:pull,push");
        assertThat(claims(viaRefresh).at("/access/0/actions").toString()).isEqualTo("[\"pull\",\"push\",\"metadata_read\"]");
        assertThat(claims(viaRefresh).get("sub").asText()).isEqualTo(SP_APP);
        // a refresh token is not a Bearer credential, and the admin's tokens die with the admin user
        assertThatThrownBy(() -> bed.accessToken(reg, AuthTestbed.bearer(bed.refreshToken(reg)), "repository:hello:pull"))
                .hasFieldOrPropertyWithValue("status", 401);
        reg = bed.creds.update(reg, false, false);
        assertThatThrownBy(() -> bed.accessToken(reg, AuthTestbed.bearer(first), "repository:hello:pull"))
                .hasFieldOrPropertyWithValue("code", "UNAUTHORIZED");
    }
}
