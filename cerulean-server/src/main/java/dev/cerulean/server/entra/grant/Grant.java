package dev.cerulean.server.entra.grant;

/**
 * One OAuth2 grant type of the token endpoints. Implementations validate the request and either
 * return the issued tokens or throw an {@link dev.cerulean.core.error.ApiError} from
 * {@link dev.cerulean.core.error.EntraErrors}.
 */
public interface Grant {

    TokenResult issue(TokenRequest request);
}
