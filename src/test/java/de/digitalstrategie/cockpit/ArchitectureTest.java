package de.digitalstrategie.cockpit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package tree of the plugin (src/main): every package, sub-packages each on their own, may
 * be read bottom-up, because no package reaches back into one that depends on it; each top-level
 * package says what it is; and no plugin class reaches into the sandbox, which is not in the JAR.
 */
@AnalyzeClasses(packages = "de.digitalstrategie.cockpit",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.PluginOnly.class})
class ArchitectureTest {
    static final String ROOT = "de.digitalstrategie.cockpit";
    static final String SANDBOX = ROOT + ".sandbox";

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

    /** A newcomer starts with a package's package-info: every top-level package says what it is. */
    @ArchTest
    static void everyTopLevelPackageSaysWhatItIs(JavaClasses classes) throws IOException {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : classes) {
            String name = c.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                packages.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        }
        List<String> silent = new ArrayList<>();
        for (String p : packages) {
            Path info = Path.of("src/main/java", ROOT.replace('.', '/'), p, "package-info.java");
            if (!Files.isRegularFile(info) || !Files.readString(info).contains("/**")) {
                silent.add(p);
            }
        }
        assertTrue(packages.size() > 10, "the plugin's packages: " + packages);
        assertEquals(List.of(), silent, "top-level packages without a package-info.java that says what they are");
    }

    @ArchTest
    static final ArchRule pluginCodeNeverDependsOnTheSandbox = noClasses().should().dependOnClassesThat()
            .resideInAPackage(SANDBOX + "..")
            .because("the sandbox is the host outside Confluence and never packaged with the plugin");
}
