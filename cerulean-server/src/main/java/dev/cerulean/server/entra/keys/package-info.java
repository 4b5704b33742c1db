/**
 * Token-signing keys: created once per installation, shared through the key-value store so every
 * server instance agrees, held in memory with reusable signers and verifiers. Nothing here touches
 * the database per token.
 */
package dev.cerulean.server.entra.keys;
