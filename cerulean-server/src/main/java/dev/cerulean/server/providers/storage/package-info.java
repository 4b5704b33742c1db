/**
 * {@code Microsoft.Storage}: storage accounts at the level a Machine Learning workspace and its
 * users need (ml.md §6.1): name rules and global uniqueness, SKU and kind, the derived endpoints,
 * account keys (sealed, shown by {@code listKeys}), {@code checkNameAvailability}; each account's
 * default blob service and its blob containers (control plane, as templates create them). No data plane.
 */
package dev.cerulean.server.providers.storage;
