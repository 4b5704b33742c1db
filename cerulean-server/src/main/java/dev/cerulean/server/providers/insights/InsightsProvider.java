package dev.cerulean.server.providers.insights;

import dev.cerulean.server.arm.spi.ExtensionTypes;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.store.ResourceStore;

import java.time.Clock;
import java.util.List;

/**
 * The {@code microsoft.insights} provider: Application Insights components (ml.md §6.3) and
 * diagnostic settings, an extension type stored under any resource. The
 * namespace is spelled in lower case as the service answers it ({@code type} is
 * {@code microsoft.insights/components}); requests match it in any case.
 */
public final class InsightsProvider implements ResourceProvider {

    public static final String NAMESPACE = "microsoft.insights";
    /** The type a workspace's {@code applicationInsights} must name. */
    public static final String COMPONENT_TYPE = NAMESPACE + "/components";
    /** Newest first; the SDK and az's resource commands use 2020-02-02. */
    public static final List<String> API_VERSIONS = List.of("2020-02-02", "2020-02-02-preview", "2018-05-01-preview",
            "2015-05-01");

    private final List<ResourceTypeSpec> types;
    private final DiagnosticSettings diagnosticSettings;

    public InsightsProvider(ResourceStore resources, Clock clock) {
        this.diagnosticSettings = new DiagnosticSettings(resources, clock);
        this.types = List.of(ResourceTypeSpec.tracked("components")
                .withApiVersions(API_VERSIONS.toArray(String[]::new))
                .withBehavior(new ComponentBehavior(clock))
                .withEtag(true)
                .withReadOnlyProperties(ComponentBehavior.READ_ONLY)); // PUT answers 200 at once (ml.md §6.3)
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public List<ResourceTypeSpec> resourceTypes() {
        return types;
    }

    @Override
    public ExtensionTypes extensionTypes() {
        return diagnosticSettings;
    }
}
