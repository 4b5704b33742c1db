/**
 * Storage interfaces, one per aggregate: ARM resources, identities, long-running operations,
 * resource secrets and shared values, plus the transaction seam that lets several of them commit
 * together. Implementations live in {@code jdbc}; the behaviour every backend must show is written
 * once as the contract suites in the test tree.
 */
package dev.cerulean.store;
