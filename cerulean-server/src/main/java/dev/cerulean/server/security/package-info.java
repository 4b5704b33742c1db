/**
 * Security primitives shared by every surface: hashing and generating secrets, and verifying the
 * bearer tokens Cerulean's Entra emulation signs ({@link dev.cerulean.server.security.TokenVerifier}
 * produces the {@link dev.cerulean.server.security.Principal} that ARM and, later, the registry act
 * for). Nothing here imports Javalin; errors come from the core catalogues.
 */
package dev.cerulean.server.security;
