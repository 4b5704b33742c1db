package dev.cerulean.server.directory;

/**
 * A principal of the directory, as role assignments and {@code getByIds} see it.
 *
 * @param appId             the client id for service principals, null for users
 * @param userPrincipalName the sign-in name for users, null for service principals
 */
public record DirectoryPrincipal(String tenantId, String objectId, Kind kind, String appId, String displayName,
                                 String userPrincipalName) {

    /** What kind of object; {@link #armName()} is ARM's {@code principalType}. */
    public enum Kind {
        USER("User", "#microsoft.graph.user"),
        SERVICE_PRINCIPAL("ServicePrincipal", "#microsoft.graph.servicePrincipal");

        private final String armName;
        private final String odataType;

        Kind(String armName, String odataType) {
            this.armName = armName;
            this.odataType = odataType;
        }

        public String armName() {
            return armName;
        }

        public String odataType() {
            return odataType;
        }
    }
}
