package dev.cerulean.server.entra.grant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cerulean.core.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A JWT claims object written straight to UTF-8 bytes in claim order, with no intermediate tree:
 * token issuance is a hot path and the JSON is encoded exactly once before signing. Null values
 * are left out.
 */
final class Claims {

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1536);
    private final JsonGenerator json;

    Claims() {
        try {
            json = FACTORY.createGenerator(out);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Claims put(String name, String value) {
        if (value != null) {
            try {
                json.writeStringField(name, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    Claims put(String name, long value) {
        try {
            json.writeNumberField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Claims put(String name, List<String> values) {
        try {
            json.writeArrayFieldStart(name);
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] toJson() {
        try {
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
