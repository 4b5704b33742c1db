/** End-to-end tests of the registry host with real clients: curl, az, podman, skopeo. */
package dev.cerulean.it.registry;
