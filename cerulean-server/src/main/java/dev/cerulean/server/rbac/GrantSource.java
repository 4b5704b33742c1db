package dev.cerulean.server.rbac;

import java.util.List;
import java.util.Map;

/** Where the evaluator reads role assignments from: all of them, resolved to permissions, by principal object id (lower-cased). */
@FunctionalInterface
public interface GrantSource {
    Map<String, List<Grant>> grantsByPrincipal();
}
