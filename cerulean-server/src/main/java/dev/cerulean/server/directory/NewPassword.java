package dev.cerulean.server.directory;

import dev.cerulean.store.PasswordCredential;

/**
 * A password credential just added, with its secret text: the only moment the secret exists in
 * clear (only its hash is stored). Show it once; never log it.
 */
public record NewPassword(PasswordCredential credential, String secretText) {

    @Override
    public String toString() {
        return "NewPassword[" + credential + ", secretText=***]";
    }
}
