package dev.cerulean.core.id;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure regions Cerulean knows, keyed by their short name. ARM accepts display names
 * ("West US") and any casing and answers with the short, lower-case form (arm.md §3).
 */
public final class Locations {
    private Locations() {}

    private static final Map<String, String> DISPLAY = new LinkedHashMap<>();
    static {
        String[][] rows = {
            {"eastus", "East US"}, {"eastus2", "East US 2"}, {"westus", "West US"}, {"westus2", "West US 2"},
            {"westus3", "West US 3"}, {"centralus", "Central US"}, {"northcentralus", "North Central US"},
            {"southcentralus", "South Central US"}, {"westcentralus", "West Central US"},
            {"canadacentral", "Canada Central"}, {"canadaeast", "Canada East"}, {"brazilsouth", "Brazil South"},
            {"northeurope", "North Europe"}, {"westeurope", "West Europe"}, {"uksouth", "UK South"},
            {"ukwest", "UK West"}, {"francecentral", "France Central"}, {"germanywestcentral", "Germany West Central"},
            {"switzerlandnorth", "Switzerland North"}, {"norwayeast", "Norway East"}, {"swedencentral", "Sweden Central"},
            {"polandcentral", "Poland Central"}, {"italynorth", "Italy North"},
            {"eastasia", "East Asia"}, {"southeastasia", "Southeast Asia"}, {"japaneast", "Japan East"},
            {"japanwest", "Japan West"}, {"koreacentral", "Korea Central"}, {"australiaeast", "Australia East"},
            {"australiasoutheast", "Australia Southeast"}, {"centralindia", "Central India"},
            {"southindia", "South India"}, {"uaenorth", "UAE North"}, {"southafricanorth", "South Africa North"},
            {"qatarcentral", "Qatar Central"}, {"israelcentral", "Israel Central"}, {"mexicocentral", "Mexico Central"}
        };
        for (String[] r : rows) DISPLAY.put(r[0], r[1]);
    }

    public static final List<String> NAMES = List.copyOf(DISPLAY.keySet());

    /** The short name for any accepted spelling, or empty when the region is unknown. */
    public static Optional<String> normalize(String location) {
        if (location == null) return Optional.empty();
        String key = location.replace(" ", "").toLowerCase(Locale.ROOT);
        return DISPLAY.containsKey(key) ? Optional.of(key) : Optional.empty();
    }

    public static String displayName(String shortName) {
        return DISPLAY.getOrDefault(shortName, shortName);
    }
}
