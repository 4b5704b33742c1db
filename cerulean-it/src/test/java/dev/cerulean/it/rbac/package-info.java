/** End-to-end tests of Azure RBAC: Microsoft.Authorization and enforcement on ARM. */
package dev.cerulean.it.rbac;
