/** Azure role-based access control: the one evaluator shared by ARM and the registry data plane. */
package dev.cerulean.server.rbac;
