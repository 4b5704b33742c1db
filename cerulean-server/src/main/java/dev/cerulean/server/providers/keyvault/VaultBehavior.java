package dev.cerulean.server.providers.keyvault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.GlobalNames;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What vaults do beyond generic ARM (ml.md §6.2): the name (3-24 letters, digits and single
 * hyphens, starting with a letter, ending with a letter or digit; a DNS name, so unique across every
 * subscription) and the checked and completed properties.
 */
final class VaultBehavior implements ResourceBehavior {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$");

    private final GlobalNames names;
    private final String dnsSuffix;

    /** @param dnsSuffix e.g. {@code .vault.azure.net} */
    VaultBehavior(GlobalNames names, String dnsSuffix) {
        this.names = names;
        this.dnsSuffix = dnsSuffix;
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("--");
    }

    @Override
    public void validateName(WriteContext ctx) {
        String name = ctx.id().name();
        if (!isValidName(name)) throw KeyVaultErrors.vaultNameInvalid(name);
        names.takenElsewhere(KeyVaultProvider.VAULT_TYPE, name, ctx.id().key()).ifPresent(other -> {
            throw KeyVaultErrors.vaultAlreadyExists(name);
        });
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode req = ctx.requested();
        ObjectNode in = req.get("properties") instanceof ObjectNode p ? p : Json.object();
        ObjectNode old = ctx.existing() != null && ctx.existing().get("properties") instanceof ObjectNode p ? p : null;
        String uri = "https://" + ctx.id().name().toLowerCase(Locale.ROOT) + dnsSuffix + "/";
        ObjectNode doc = Json.object();
        if (req.has("tags")) doc.set("tags", req.get("tags"));
        doc.set("properties", VaultProperties.build(in, old, uri));
        return doc;
    }
}
