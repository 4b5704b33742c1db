/**
 * End-to-end tests of the {@code Microsoft.ContainerRegistry} control plane with real clients (az,
 * curl, the Azure SDK for Java) and raw HTTPS, plus the small fixtures they share: registries made
 * over HTTPS as prerequisites, a curl runner that goes through Cerulean's proxy, and shape
 * comparison against the spec examples and the seed documents in {@code ../shared}.
 */
package dev.cerulean.it.acr;
