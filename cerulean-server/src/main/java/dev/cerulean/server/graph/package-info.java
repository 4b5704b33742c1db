/**
 * Microsoft Graph v1.0, the subset {@code az ad} and role-assignment resolution use
 * (shared/reference/graph-rbac.md §1-§2): applications, service principals, their passwords, users,
 * {@code me}, {@code directoryObjects/getByIds}. A Jetty core handler ({@link dev.cerulean.server.graph.GraphHandler})
 * serves {@code graph.microsoft.com} and {@code /graph/} on loopback; the objects live in the
 * directory ({@code server.directory}) the Entra token endpoint authenticates against.
 */
package dev.cerulean.server.graph;
