/**
 * The OAuth2 grants of the Entra token endpoints, one class per grant type behind the one-method
 * {@link dev.cerulean.server.entra.grant.Grant}, plus what they share: the parsed request, client
 * authentication, the audience/scope rules and the minting of access, ID and refresh tokens.
 * Nothing here sees HTTP; answers are {@link dev.cerulean.server.entra.grant.TokenResult}s and
 * failures are {@link dev.cerulean.core.error.EntraErrors}.
 */
package dev.cerulean.server.entra.grant;
