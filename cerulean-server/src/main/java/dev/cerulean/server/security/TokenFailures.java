package dev.cerulean.server.security;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.error.GraphErrors;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The errors a surface answers when a bearer token is missing or rejected. {@link TokenVerifier}
 * decides <em>why</em> a token fails; each surface that reuses it (ARM now, the registry later)
 * says it in its own catalogue's words.
 */
public interface TokenFailures {

    ApiError missing();

    /** The header is there but is not {@code Bearer <token>}. */
    ApiError malformedHeader();

    ApiError invalid(String reason);

    ApiError expired(Instant expiry, Instant now);

    ApiError wrongAudience(String audience);

    /** ARM's answers (shared/reference/arm.md §6). */
    TokenFailures ARM = new TokenFailures() {
        /** ARM prints times in .NET's US short form, {@code M/d/yyyy h:mm:ss tt}, in UTC. */
        private final DateTimeFormatter armClock =
                DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

        @Override public ApiError missing() { return ArmErrors.authenticationMissing(); }
        @Override public ApiError malformedHeader() { return ArmErrors.authenticationInvalidHeader(); }
        @Override public ApiError invalid(String reason) { return ArmErrors.invalidAuthenticationToken(reason); }
        @Override public ApiError expired(Instant expiry, Instant now) {
            return ArmErrors.expiredAuthenticationToken(armClock.format(expiry), armClock.format(now));
        }
        @Override public ApiError wrongAudience(String audience) { return ArmErrors.invalidAudience(audience); }
    };

    /** Microsoft Graph's answers: 401 {@code InvalidAuthenticationToken} with Graph's texts. */
    TokenFailures GRAPH = new TokenFailures() {
        @Override public ApiError missing() { return GraphErrors.invalidToken("Access token is empty."); }
        @Override public ApiError malformedHeader() {
            return GraphErrors.invalidToken("CompactToken parsing failed with error code: 80049217");
        }
        @Override public ApiError invalid(String reason) {
            return GraphErrors.invalidToken("Access token validation failure. " + reason);
        }
        @Override public ApiError expired(Instant expiry, Instant now) {
            return GraphErrors.invalidToken("Lifetime validation failed, the token is expired.");
        }
        @Override public ApiError wrongAudience(String audience) {
            return GraphErrors.invalidToken("Access token validation failure. Invalid audience.");
        }
    };
}
