package dev.cerulean.server.deployments;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tenant-level paths are management-group or tenant deployments (deployments.md §2.1). */
class UnservedScopesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /providers/Microsoft.Resources/deployments/d1                                                            | 2
            /providers/Microsoft.Resources/deployments/d1/validate                                                   | 2
            /providers/Microsoft.Resources/deployments                                                               | 2
            /providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Resources/deployments/d1/whatIf | 6
            /providers/microsoft.management/managementgroups/mg1/providers/microsoft.resources/deployments           | 6
            /providers/Microsoft.Resources/calculateTemplateHash                                                     | -1
            /providers/Microsoft.Management/managementGroups/mg1                                                     | -1
            /providers/Microsoft.Authorization/roleAssignments/r1                                                    | -1
            """)
    void findsDeploymentPaths(String path, int expected) {
        List<String> s = Arrays.stream(path.substring(1).split("/")).map(x -> x.toLowerCase(Locale.ROOT)).toList();
        assertThat(UnservedScopes.deploymentsAt(s)).isEqualTo(expected);
    }
}
