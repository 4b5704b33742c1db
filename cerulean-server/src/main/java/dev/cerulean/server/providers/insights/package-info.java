/**
 * {@code microsoft.insights}: Application Insights components at the level a Machine Learning
 * workspace needs (ml.md §6.3): instrumentation key, connection string and app id, with the
 * service's PascalCase property names; diagnostic settings (an extension type under any resource),
 * checked and stored. No telemetry ingestion, routing or query.
 */
package dev.cerulean.server.providers.insights;
