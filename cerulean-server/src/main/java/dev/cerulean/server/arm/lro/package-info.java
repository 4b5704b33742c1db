/**
 * Long-running operations: the status resource behind {@code Azure-AsyncOperation}, the
 * {@code Location} answers, and deterministic completion counted in polls.
 */
package dev.cerulean.server.arm.lro;
