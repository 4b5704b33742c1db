/**
 * {@code Microsoft.KeyVault}: vaults at the level a Machine Learning workspace needs (ml.md §6.2):
 * name rules and global uniqueness, tenant, SKU, access policies, soft-delete and purge-protection
 * settings, the derived {@code vaultUri}, {@code checkNameAvailability}; the control-plane
 * {@code vaults/secrets} templates deploy (write-only values, sealed per version). No data plane
 * (keys, secrets, certificates) and no soft-deleted vault state.
 */
package dev.cerulean.server.providers.keyvault;
