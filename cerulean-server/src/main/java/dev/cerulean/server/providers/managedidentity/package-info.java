/**
 * {@code Microsoft.ManagedIdentity}: user-assigned identities (ml.md §6.4). Each is backed by a
 * real service principal in the directory ({@link dev.cerulean.server.providers.managedidentity.IdentityDirectory}),
 * whose object id is the identity's {@code principalId} and whose app id is its {@code clientId},
 * so role assignments can name it and tokens can be issued for it.
 */
package dev.cerulean.server.providers.managedidentity;
