/** Cerulean's operational endpoints: health (readiness) and metrics. */
package dev.cerulean.server.ops;
