package dev.cerulean.server.entra;

/**
 * A user of an emulated tenant, able to sign in with a password (ROPC) so that refresh tokens and
 * user-shaped access tokens have a real origin.
 *
 * @param userPrincipalName e.g. {@code dev@cerulean.onmicrosoft.com}
 * @param puid              Entra's 16-hex-digit {@code puid} claim
 * @param passwordHash      {@link dev.cerulean.server.security.SecretHasher#hashPassword} form
 */
public record UserAccount(String tenantId, String objectId, String userPrincipalName, String displayName,
                          String givenName, String surname, String puid, String passwordHash) {}
