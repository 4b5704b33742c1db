package dev.cerulean.server.entra.grant;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.server.entra.AuthorityTenant;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestedAccessTest {

    private static TokenRequest v2(String scope) {
        return new TokenRequest(TokenProtocol.V2, new AuthorityTenant("t", null), Map.of("scope", scope), null, "::1");
    }

    private static TokenRequest v1(String resource) {
        return new TokenRequest(TokenProtocol.V1, new AuthorityTenant("t", null), Map.of("resource", resource), null,
                "::1");
    }

    private static void assertScopeError(Runnable call, int aadsts) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_scope");
            assertThat(e.numericCodes()).containsExactly(aadsts);
        });
    }

    @Test
    void appScopeLosesOnlyTheDefaultSuffix() {
        assertThat(RequestedAccess.forApp(v2("https://management.core.windows.net//.default")).resource())
                .isEqualTo("https://management.core.windows.net/");
        assertThat(RequestedAccess.forApp(v2("api://my-api/.default")).resource()).isEqualTo("api://my-api");
    }

    @Test
    void appScopeMayNotBeOnlyOidcScopes() {
        assertScopeError(() -> RequestedAccess.forApp(v2("openid profile")), 1002012);
    }

    @Test
    void appScopeWithEmptyResourceIsInvalid() {
        assertScopeError(() -> RequestedAccess.forApp(v2("/.default")), 70011);
    }

    @Test
    void userDefaultScopeIsGrantedAsUserImpersonation() {
        RequestedAccess access = RequestedAccess.forUser(
                v2("https://management.core.windows.net//.default offline_access openid profile"), null);

        assertThat(access.resource()).isEqualTo("https://management.core.windows.net/");
        assertThat(access.permissions()).isEqualTo("user_impersonation");
        assertThat(access.grantedScope()).isEqualTo(
                "https://management.core.windows.net//user_impersonation https://management.core.windows.net//.default");
    }

    @Test
    void userNamedPermissionIsGrantedAsIs() {
        RequestedAccess access = RequestedAccess.forUser(v2("https://storage.azure.com/user_impersonation"), null);

        assertThat(access.resource()).isEqualTo("https://storage.azure.com");
        assertThat(access.permissions()).isEqualTo("user_impersonation");
        assertThat(access.grantedScope()).isEqualTo("https://storage.azure.com/user_impersonation");
    }

    @Test
    void oidcOnlyUserRequestIsForMicrosoftGraph() {
        RequestedAccess access = RequestedAccess.forUser(v2("openid profile offline_access"), null);

        assertThat(access.resource()).isEqualTo("https://graph.microsoft.com");
        assertThat(access.permissions()).isEqualTo("User.Read");
    }

    @Test
    void userScopesForTwoResourcesAreInvalid() {
        assertScopeError(() -> RequestedAccess.forUser(
                v2("https://management.azure.com/.default https://vault.azure.net/.default"), null), 70011);
    }

    @Test
    void v1ResourceMayBeAnyWellFormedIdentifier() {
        for (String resource : new String[] {"https://management.azure.com/", "api://my-api",
                "00001111-aaaa-2222-bbbb-3333cccc4444", "urn:ms-drs:enterpriseregistration.windows.net"}) {
            assertThat(RequestedAccess.forApp(v1(resource)).resource()).isEqualTo(resource);
        }
    }

    @Test
    void v1ResourceThatIsNoIdentifierIsInvalidResource() {
        for (String resource : new String[] {"management", "http://insecure.example", "https://"}) {
            assertThatThrownBy(() -> RequestedAccess.forApp(v1(resource)))
                    .as(resource)
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.numericCodes()).containsExactly(500011));
        }
    }

    @Test
    void guidAndApiResourcesGetV2TokensOthersV1() {
        assertThat(new RequestedAccess("00001111-aaaa-2222-bbbb-3333cccc4444", null, null).wantsV2Token()).isTrue();
        assertThat(new RequestedAccess("api://my-api", null, null).wantsV2Token()).isTrue();
        assertThat(new RequestedAccess("https://management.azure.com", null, null).wantsV2Token()).isFalse();
    }
}
