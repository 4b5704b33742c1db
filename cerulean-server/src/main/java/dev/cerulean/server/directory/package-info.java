/**
 * The directory of the emulated tenants: applications, service principals, their password
 * credentials and users, over the one {@link dev.cerulean.store.IdentityStore} the Entra token
 * endpoint authenticates against. No HTTP here: Microsoft Graph ({@code server.graph}),
 * {@code cerulean sp create}, the Entra bootstrap, role assignments and managed identities all go
 * through {@link dev.cerulean.server.directory.Directory} or its read side
 * {@link dev.cerulean.server.directory.DirectoryPrincipals}.
 */
package dev.cerulean.server.directory;
