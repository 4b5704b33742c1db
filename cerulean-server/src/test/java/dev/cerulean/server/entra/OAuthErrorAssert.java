package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks an Entra OAuth2 error answer: status, {@code error}, AADSTS number and message text. */
final class OAuthErrorAssert {
    private OAuthErrorAssert() {}

    /** Jetty writes the type in its canonical form without the space; both spellings mean the same (RFC 9110 §8.3.1). */
    static final String JSON_UTF8 = "application/json; ?charset=utf-8";

    static JsonNode assertOAuthError(HttpResponse<String> response, int status, String error, int aadsts,
                                     String messageStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).matches(OAuthErrorAssert.JSON_UTF8);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        JsonNode body = EntraTestServer.json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_codes").size()).isEqualTo(1);
        assertThat(body.get("error_codes").get(0).isInt()).isTrue();
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(aadsts);
        assertThat(body.get("error_description").asText()).startsWith("AADSTS" + aadsts + ": " + messageStart);
        return body;
    }
}
