package dev.cerulean.server.registry.auth;

/**
 * The credential an ACR token was issued against, carried in the token (claim {@code credential})
 * so every request made with the token re-checks it (acr.md §5.6, §5.7): a disabled or deleted
 * repository token, a deleted or regenerated password slot, a disabled admin user, anonymous pull
 * switched off, a deleted service principal all lock the token out at once.
 *
 * @param kind        {@link #ADMIN}, {@link #TOKEN}, {@link #SERVICE_PRINCIPAL}, {@link #ENTRA} or {@link #ANONYMOUS}
 * @param name        the admin user or token name, the service principal's appId, the Entra object id; or empty
 * @param slot        the password slot used ({@code password}, {@code password2}, {@code password1}), or empty
 * @param slotCreated the slot's creation time in epoch milliseconds (a regenerated slot has a new one), or 0
 */
record CredentialRef(String kind, String name, String slot, long slotCreated) {

    static final String ADMIN = "admin";
    static final String TOKEN = "token";
    static final String SERVICE_PRINCIPAL = "serviceprincipal";
    static final String ENTRA = "entra";
    static final String ANONYMOUS = "anonymous";

    static CredentialRef of(String kind, String name) {
        return new CredentialRef(kind, name, "", 0);
    }
}
