package dev.cerulean.server.entra.grant;

/**
 * Which token endpoint a request came to. It decides how the audience is asked for ({@code resource}
 * on v1, {@code scope} on v2) and how numbers are written in the answer (strings on v1, integers
 * on v2; entra.md §4-§5). ADFS-style requests ({@code /adfs/oauth2/token}) may use either form.
 */
public enum TokenProtocol { V1, V2, ADFS }
