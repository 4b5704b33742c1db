package dev.cerulean.server.deployments;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.templates.TemplateException;

import java.util.List;

/** Errors of the deployment resource with ARM's codes and texts (deployments.md §2.4, §2.8, §2.12). */
final class DeploymentErrors {
    private DeploymentErrors() {}

    static final String FAILED_MESSAGE = "At least one resource deployment operation failed. Please list deployment operations for"
            + " details. Please see https://aka.ms/arm-deployment-operations for usage details.";

    static ApiError notFound(String name) {
        return ApiError.of(404, "DeploymentNotFound", "Deployment '" + name + "' could not be found.");
    }

    static ApiError active(String name, String since) {
        return ApiError.of(409, "DeploymentActive", "Unable to edit or replace deployment '" + name + "': previous deployment from '"
                + since + "' is still active (expiration time is '" + since + "'). Please see https://aka.ms/arm-deploy for usage details.");
    }

    static ApiError cannotBeCanceled(String name, String state) {
        return ApiError.of(409, "DeploymentCannotBeCanceled", "The deployment '" + name + "' cannot be canceled: its provisioning"
                + " state is '" + state + "'.");
    }

    static ApiError cannotDeleteActive(String name) {
        return ApiError.of(409, "DeploymentActive", "The deployment '" + name + "' is still running and cannot be deleted.");
    }

    /** Azure's code for an over-size deployment job (error-job-size-exceeded.md); the parameters' wording is unverified. */
    static ApiError parametersTooLarge(long bytes, long limit) {
        return ApiError.of(400, "JobSizeExceededException", "The parameters size '" + bytes + "' bytes exceeds the limit of '" + limit
                + "' bytes. Please see https://aka.ms/arm-template-limits for usage details.");
    }

    static ApiError locationRequired() {
        return ApiError.of(400, "InvalidDeploymentLocation", "The 'location' property is required for deployments at this scope.");
    }

    static ApiError scopeNotSupported(String scope) {
        return ApiError.of(400, "UnsupportedDeploymentScope", "Deployments at the " + scope + " scope are not supported yet.");
    }

    static ApiError onErrorNotSupported() {
        return ApiError.of(400, "InvalidOnErrorDeployment", "The 'onErrorDeployment' property is only supported for deployments at"
                + " resource group scope.");
    }

    static ApiError onErrorDeploymentNameMissing() {
        return ApiError.of(400, "InvalidOnErrorDeployment", "The 'onErrorDeployment.deploymentName' property is required when its type"
                + " is 'SpecificDeployment'.");
    }

    static ApiError onErrorDeploymentInvalid(String name, String why) {
        return ApiError.of(400, "InvalidOnErrorDeployment", "The deployment '" + name + "' cannot be used on error: " + why
                + ". Only a successful root deployment of the resource group can be redeployed.");
    }

    static ApiError linkedTemplate(com.fasterxml.jackson.databind.JsonNode link) {
        return ApiError.of(400, "InvalidTemplate", "Deployment template validation failed: '"
                + dev.cerulean.templates.TemplateErrors.linkedTemplateText(link) + "'.");
    }

    /**
     * The error body of a template the language refuses, with ARM's {@code TemplateViolation}
     * {@code additionalInfo}: line and column in the template file (0 when unknown) and the JSON path.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode invalidTemplateBody(TemplateException e) {
        ApiError api = e.toApiError();
        var error = dev.cerulean.core.json.Json.object();
        error.put("code", api.code());
        error.put("message", api.message());
        if (api.target() != null && !api.target().isEmpty()) error.put("target", api.target());
        var info = error.putArray("additionalInfo").addObject().put("type", "TemplateViolation").putObject("info");
        info.put("lineNumber", e.line());
        info.put("linePosition", e.column());
        // ARM's paths are the request's: properties.template.resources[1]...
        info.put("path", e.path().isEmpty() || e.path().startsWith("properties.") ? e.path() : "properties.template." + e.path());
        var body = dev.cerulean.core.json.Json.object();
        body.set("error", error);
        return body;
    }

    /** Preflight refusal naming the tracking id, with the provider's error as its detail (§2.12). */
    static ApiError invalidDeployment(String name, String trackingId, List<ApiError.Detail> details) {
        return ApiError.of(400, "InvalidTemplateDeployment", "The template deployment '" + name + "' is not valid according to the"
                + " validation procedure. The tracking id is '" + trackingId + "'. See inner errors for details.").withDetails(details);
    }

    static ApiError.Detail resourceFailure(String code, String message, String target) {
        return new ApiError.Detail(code, message, target);
    }

    /** {@code reference()} of a resource that does not exist: an evaluation error of the resource that used it. */
    static dev.cerulean.templates.TemplateException referenceNotFound(String id) {
        return dev.cerulean.templates.TemplateErrors.functionFailed("reference", "the resource '" + id + "' was not found.");
    }
}
