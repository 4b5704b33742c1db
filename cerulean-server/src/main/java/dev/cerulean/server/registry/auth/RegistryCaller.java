package dev.cerulean.server.registry.auth;

import dev.cerulean.server.providers.containerregistry.RegistryCredentials.TokenView;

/** Who an authenticated registry request comes from; {@link Rights} says what each may do. */
sealed interface RegistryCaller {

    /** The name access tokens carry in {@code sub} and decisions report. */
    String subject();

    /** The credential access tokens issued to this caller are re-checked against. */
    CredentialRef credential();

    /** The admin user (acr.md §5.3): everything, the catalog included. */
    record Admin(String userName, CredentialRef credential) implements RegistryCaller {
        @Override public String subject() { return userName; }
    }

    /** A repository-scoped token, as stored now: its scope map's actions are read afresh. */
    record RepositoryToken(TokenView token, CredentialRef credential) implements RegistryCaller {
        @Override public String subject() { return token.name(); }
    }

    /** A user or service principal of Entra: rights from role assignments at the registry or above. */
    record Entra(EntraIdentity identity, CredentialRef credential) implements RegistryCaller {
        @Override public String subject() { return identity.subject(); }
    }

    /** Nobody: pull and tag listing when the registry allows anonymous pull, nothing else. */
    record Anonymous() implements RegistryCaller {
        @Override public String subject() { return "anonymous"; }
        @Override public CredentialRef credential() { return CredentialRef.of(CredentialRef.ANONYMOUS, ""); }
    }

    /** The holder of an ACR access token: exactly what the token grants. */
    record Holder(AcrTokenClaims token) implements RegistryCaller {
        @Override public String subject() { return token.subject(); }
        @Override public CredentialRef credential() { return token.credential(); }
    }
}
