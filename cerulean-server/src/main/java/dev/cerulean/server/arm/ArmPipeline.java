package dev.cerulean.server.arm;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.arm.ProviderRegistry.ResolvedType;
import dev.cerulean.server.arm.spi.Caller;

import java.util.List;
import java.util.function.Function;

/**
 * The checks every ARM request passes, in ARM's own order (arm.md §5): authenticate the bearer
 * token → the subscription exists and belongs to the token's tenant → api-version present and
 * well-formed (and, under {@code --strict-api-versions}, declared) → provider registered →
 * resource group exists → the handler. {@link ArmRoutes} calls these steps top to bottom.
 */
public final class ArmPipeline {


    private final Function<String, Caller> authenticator;
    private final boolean strictApiVersions;

    /** @param authenticator verifies an {@code Authorization} header value (possibly null) and names the caller */
    public ArmPipeline(Function<String, Caller> authenticator, boolean strictApiVersions) {
        this.authenticator = authenticator;
        this.strictApiVersions = strictApiVersions;
    }

    public Caller authenticate(String authorizationHeader) {
        return authenticator.apply(authorizationHeader);
    }

    /**
     * The api-version query value: required, of the form {@code YYYY-MM-DD[-suffix]}; under strict
     * checking also one of {@code supported} (empty: checked later against the resolved type).
     */
    public String apiVersion(String value, List<String> supported) {
        if (value == null || value.isBlank()) throw ArmErrors.missingApiVersion();
        if (!wellFormed(value.trim())) throw ArmErrors.invalidApiVersion(value, supported);
        String v = value.trim();
        if (strictApiVersions && !supported.isEmpty() && supported.stream().noneMatch(s -> s.equalsIgnoreCase(v))) {
            throw ArmErrors.invalidApiVersion(v, supported);
        }
        return v;
    }

    /** {@code YYYY-MM-DD} with an optional {@code -suffix} of letters; checked by hand, it runs on every request. */
    static boolean wellFormed(String v) {
        if (v.length() < 10) return false;
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') return false;
        }
        if (v.length() == 10) return true;
        if (v.charAt(10) != '-' || v.length() == 11) return false;
        for (int i = 11; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) return false;
        }
        return true;
    }

    /**
     * For provider types a version the type does not declare is accepted unless strict: clients'
     * SDKs move faster than any emulator (Java's containerregistry 2.54 sends 2025-11-01).
     */
    public void checkTypeVersion(String version, ResolvedType type, String location) {
        if (!strictApiVersions) return;
        if (type.spec().apiVersions().stream().noneMatch(s -> s.equalsIgnoreCase(version))) {
            throw ArmErrors.noRegisteredProviderFound(location == null ? "global" : location, version,
                    type.qualifiedType(), type.spec().apiVersions(),
                    type.provider().locations().stream().map(dev.cerulean.core.id.Locations::displayName).toList());
        }
    }
}
