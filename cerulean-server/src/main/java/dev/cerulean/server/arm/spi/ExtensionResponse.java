package dev.cerulean.server.arm.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** What an extension type answers: a status and a JSON body, or none. */
public record ExtensionResponse(int status, JsonNode body) {}
