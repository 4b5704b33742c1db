/**
 * The Entra ID (Azure AD) emulation: the route table ({@link dev.cerulean.server.entra.EntraRoutes}),
 * token endpoints, OpenID Connect and instance discovery, JWKS, the OAuth2 error writer, and the
 * directory it serves (tenants, users, service principals, the development bootstrap). Grants live
 * in {@code grant}, signing keys in {@code keys}. Behaviour follows shared/reference/entra.md and
 * the client observations in clients.md.
 */
package dev.cerulean.server.entra;
