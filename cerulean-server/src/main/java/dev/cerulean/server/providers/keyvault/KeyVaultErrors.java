package dev.cerulean.server.providers.keyvault;

import dev.cerulean.core.error.ApiError;

/** The Key Vault resource provider's errors, with its codes and (where known) its wording. */
final class KeyVaultErrors {
    private KeyVaultErrors() {}

    private static final String NAME_RULES = "A vault's name must be between 3-24 alphanumeric characters. The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.";

    /** Observed text. */
    static ApiError vaultNameInvalid(String name) {
        return ApiError.of(400, "VaultNameNotValid", vaultNameInvalidMessage(name));
    }

    static String vaultNameInvalidMessage(String name) {
        return "The vault name '" + name + "' is invalid. " + NAME_RULES
                + " Follow this link for more information: https://go.microsoft.com/fwlink/?linkid=2147742";
    }

    /** Observed text (including Azure's spelling of "globally"). */
    static ApiError vaultAlreadyExists(String name) {
        return ApiError.of(409, "VaultAlreadyExists", vaultTakenMessage(name));
    }

    static String vaultTakenMessage(String name) {
        return "The vault name '" + name + "' is already in use. Vault names are globally unique so it is possible that the name is already taken. If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault will need to be purged before reusing the name. For more information about VaultAlreadyExists, soft delete and purging a vault follow this link https://go.microsoft.com/fwlink/?linkid=2147740.";
    }

    /** The RP's wording for a missing or malformed property (observed for {@code accessPolicies}). */
    static ApiError invalidValue(String property) {
        return ApiError.of(400, "BadRequest", "An invalid value was provided for '" + property + "'.");
    }

    static ApiError retentionOutOfRange(String value) {
        return ApiError.of(400, "BadRequest", "The value '" + value
                + "' of 'softDeleteRetentionInDays' is invalid: it must be an integer between 7 and 90.");
    }

    static ApiError purgeProtectionCannotBeDisabled() {
        return ApiError.of(400, "BadRequest",
                "The property \"enablePurgeProtection\" cannot be set to false. Enabling the purge protection for a vault is an irreversible action.");
    }

    static ApiError nameCheckTypeInvalid(String type) {
        return ApiError.of(400, "BadRequest", "An invalid value was provided for 'type': '" + type
                + "'. The only supported type is 'Microsoft.KeyVault/vaults'.");
    }

    /** Cerulean's wording: the RP's own text for a bad secret name is not in the references. */
    static ApiError secretNameInvalid(String name) {
        return ApiError.of(400, "BadRequest", "The secret name '" + name
                + "' is invalid. A secret's name must be 1-127 characters long and contain only letters, digits and hyphens.");
    }
}
