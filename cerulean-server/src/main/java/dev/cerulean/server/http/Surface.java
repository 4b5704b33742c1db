package dev.cerulean.server.http;

/**
 * The protocol surface a request belongs to. It is decided once per request, from the Host header
 * (management.azure.com → ARM, login.microsoftonline.com → ENTRA, *.azurecr.io → REGISTRY,
 * graph.microsoft.com → GRAPH) or, on
 * localhost, from the path; it selects the error writer, so every failure has its surface's shape.
 */
public enum Surface {
    ARM, ENTRA, REGISTRY, OPS, GRAPH
}
