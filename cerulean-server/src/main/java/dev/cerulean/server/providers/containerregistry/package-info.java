/**
 * The {@code Microsoft.ContainerRegistry} resource provider (control plane, acr.md §0-§4): registries
 * with their admin user, system and user scope maps, repository-scoped tokens and their passwords,
 * plugged into the generic ARM engine through the SPI. Secrets never leave this package in clear
 * except in the one response that shows them: admin passwords are sealed with a key kept outside the
 * database ({@link dev.cerulean.server.providers.containerregistry.SecretSealer}), token passwords are
 * stored as salted hashes. The data plane reads what it needs through
 * {@link dev.cerulean.server.providers.containerregistry.RegistryCredentials}. Known differences from
 * Azure are listed in {@code DEVIATIONS-acr.md} next to this file.
 */
package dev.cerulean.server.providers.containerregistry;
