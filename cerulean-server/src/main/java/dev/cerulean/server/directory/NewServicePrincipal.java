package dev.cerulean.server.directory;

/**
 * A service principal just created, with its client secret: the only moment the secret exists in
 * clear (only its hash is stored). Show it to the user once; never log it.
 */
public record NewServicePrincipal(String tenantId, String appId, String objectId, String displayName, String secret) {

    @Override
    public String toString() {
        return "NewServicePrincipal[tenantId=" + tenantId + ", appId=" + appId + ", objectId=" + objectId
                + ", displayName=" + displayName + ", secret=***]";
    }
}
