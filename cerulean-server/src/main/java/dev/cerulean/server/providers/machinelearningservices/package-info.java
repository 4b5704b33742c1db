/**
 * {@code Microsoft.MachineLearningServices} (ml.md §2, §3, §7): workspaces with their dependent
 * resources checked in the resource store, computes whose provisioning progresses by polls, and the
 * provider's location reads (usages, VM sizes, quotas) and operations list, as a plug-in of the
 * generic ARM engine. The regional data plane (discovery, run history, model management) lives in
 * {@code server.ml}.
 */
package dev.cerulean.server.providers.machinelearningservices;
