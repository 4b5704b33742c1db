package dev.cerulean.server.deployments;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.arm.ArmAuthorization;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.ArmRoutes;
import dev.cerulean.server.arm.spi.Caller;

import java.util.List;

/**
 * Deployments at management-group and tenant scope ({@code az deployment mg|tenant …},
 * deployments.md §1.8, §2.1). Cerulean has neither scope yet, so every request there is refused as
 * ARM refuses a caller without a role at the scope or a scope that does not exist: {@code 403
 * AuthorizationFailed} naming the deployment action and the deployment's path as the scope.
 */
final class UnservedScopes implements ArmRoutes.TenantExtension {

    @Override
    public ArmResponse route(ArmRequest req, List<String> s) {
        int at = deploymentsAt(s);
        if (at < 0) return null;
        List<String> orig = req.segments();
        // the scope ARM names: the deployment itself, or the collection for a list
        int end = Math.min(orig.size(), at + 2);
        String scope = "/" + String.join("/", orig.subList(0, end));
        Caller caller = req.caller();
        String objectId = caller == null ? "" : caller.objectId();
        String client = caller == null ? "" : ArmAuthorization.client(caller);
        throw ArmErrors.authorizationFailed(client, objectId, action(req.method(), s, at), scope);
    }

    /** Index of the {@code deployments} segment of a tenant or management-group deployment path; -1 when not one. */
    static int deploymentsAt(List<String> s) {
        // /providers/Microsoft.Resources/deployments[/...]
        if (s.size() >= 3 && s.get(0).equals("providers") && s.get(1).equals("microsoft.resources") && s.get(2).equals("deployments")) return 2;
        // /providers/Microsoft.Management/managementGroups/{mg}/providers/Microsoft.Resources/deployments[/...]
        if (s.size() >= 7 && s.get(0).equals("providers") && s.get(1).equals("microsoft.management") && s.get(2).equals("managementgroups")
                && s.get(4).equals("providers") && s.get(5).equals("microsoft.resources") && s.get(6).equals("deployments")) return 6;
        return -1;
    }

    private static String action(String method, List<String> s, int at) {
        String base = "Microsoft.Resources/deployments";
        if (s.size() > at + 2) {
            String sub = s.get(at + 2);
            return switch (sub) {
                case "validate" -> base + "/validate/action";
                case "whatif" -> base + "/whatIf/action";
                case "cancel" -> base + "/cancel/action";
                case "exporttemplate" -> base + "/exportTemplate/action";
                case "operations" -> base + "/operations/read";
                case "operationstatuses" -> base + "/operationstatuses/read";
                default -> base + "/" + ArmAuthorization.verb(method);
            };
        }
        return base + "/" + ArmAuthorization.verb(method);
    }
}
