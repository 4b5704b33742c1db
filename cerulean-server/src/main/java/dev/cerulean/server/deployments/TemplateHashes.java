package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.ArmRoutes;
import dev.cerulean.templates.TemplateException;
import dev.cerulean.templates.TemplateHash;
import dev.cerulean.templates.TemplateText;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /providers/Microsoft.Resources/calculateTemplateHash} (deployments.md §2.1): the body is
 * a template; the answer is its minified text and the hash a deployment of it reports as
 * {@code templateHash}.
 */
final class TemplateHashes implements ArmRoutes.TenantExtension {

    @Override
    public ArmResponse route(ArmRequest req, List<String> s) {
        if (!(s.size() == 3 && s.get(0).equals("providers") && s.get(1).equals("microsoft.resources")
                && s.get(2).equals("calculatetemplatehash"))) {
            return null;
        }
        if (!req.method().equals("POST")) throw ArmErrors.methodNotAllowed(req.method());
        if (req.body() == null || req.body().length == 0) throw ArmErrors.invalidRequestContent("The request content was empty.");
        JsonNode template;
        try {
            template = TemplateText.parse(new String(req.body(), StandardCharsets.UTF_8)).root();
        } catch (TemplateException e) {
            throw e.toApiError();
        }
        return ArmResponse.json(200, Json.object().put("minifiedTemplate", Json.write(template)).put("templateHash", TemplateHash.of(template)));
    }
}
