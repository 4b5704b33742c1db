/**
 * The CONNECT proxy: a plain-TCP port that accepts {@code CONNECT} for Azure host names only and
 * splices each tunnel to Cerulean's own HTTPS port, so {@code HTTPS_PROXY} plus the local CA make
 * unchanged scripts and tools that call {@code https://management.azure.com} reach Cerulean without
 * hosts-file edits. It never terminates TLS and never opens a connection anywhere but that port;
 * anything else gets a short plain-text 400 or 403.
 */
package dev.cerulean.server.proxy;
