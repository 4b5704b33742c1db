/**
 * What resource providers implement to plug into the generic ARM engine: a namespace, its
 * resource types ({@link dev.cerulean.server.arm.spi.ResourceTypeSpec}), behaviour hooks,
 * POST actions and long-running-operation styles. Providers depend on this package, the store
 * interfaces and core only; never on Javalin, the engine internals or each other.
 */
package dev.cerulean.server.arm.spi;
