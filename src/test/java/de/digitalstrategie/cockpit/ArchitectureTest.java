package de.digitalstrategie.cockpit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package tree of the plugin (src/main): every package, sub-packages each on their own, may
 * be read bottom-up, because no package reaches back into one that depends on it; and no plugin
 * class reaches into the sandbox, which is not in the JAR.
 */
@AnalyzeClasses(packages = "de.digitalstrategie.cockpit",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.PluginOnly.class})
class ArchitectureTest {
    static final String SANDBOX = "de.digitalstrategie.cockpit.sandbox";

    /** The plugin's classes: the class folder also holds the sandbox (src/sandbox) and, in the bench profile, the benchmarks. */
    static final class PluginOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/de/digitalstrategie/cockpit/sandbox/")
                    && !location.contains("/de/digitalstrategie/cockpit/bench/");
        }
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("de.digitalstrategie.cockpit.(**)")
            .namingSlices("$1").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule pluginCodeNeverDependsOnTheSandbox = noClasses().should().dependOnClassesThat()
            .resideInAPackage(SANDBOX + "..")
            .because("the sandbox is the host outside Confluence and never packaged with the plugin");
}
