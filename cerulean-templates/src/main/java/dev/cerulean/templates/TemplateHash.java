package dev.cerulean.templates;

import dev.cerulean.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A deployment's {@code templateHash}: a decimal unsigned 64-bit number over the minified template.
 * ARM's own hash function is not public; this one is stable for equal templates, which is what
 * clients compare it for (see DEVIATIONS.md).
 */
public final class TemplateHash {
    private TemplateHash() {}

    public static String of(com.fasterxml.jackson.databind.JsonNode template) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Json.write(template).getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xff);
            return Long.toUnsignedString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
