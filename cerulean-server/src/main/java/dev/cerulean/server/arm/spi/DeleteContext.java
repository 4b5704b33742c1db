package dev.cerulean.server.arm.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;

/**
 * One delete as a behaviour hook sees it.
 *
 * @param cascade true when the delete comes from deleting an enclosing resource or resource group
 */
public record DeleteContext(ResourceId id, ObjectNode existing, boolean cascade, Caller caller) {}
