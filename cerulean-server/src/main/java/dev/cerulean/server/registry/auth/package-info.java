/** The registry host's authentication and authorization (acr.md §5.2-§5.7). */
package dev.cerulean.server.registry.auth;
