package de.digitalstrategie.cockpit.packaging;

import de.digitalstrategie.cockpit.schema.CockpitSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens the built plugin JAR and checks it is what Confluence installs, and nothing more. */
class PluginJarIT {
    private static JarFile jar;

    @BeforeAll
    static void open() throws Exception {
        Path path = Path.of(System.getProperty("plugin.jar", "target/digitalstrategie-cockpit-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(path), "plugin JAR not built: " + path);
        jar = new JarFile(path.toFile());
    }

    private static List<String> names() {
        return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
    }

    @Test
    void holdsNoStandInsAndNoSandbox() {
        List<String> offending = names().stream()
                .filter(n -> n.startsWith("com/atlassian/") || n.startsWith("net/java/ao/")
                        || n.startsWith("de/digitalstrategie/cockpit/sandbox/") || n.startsWith("sandbox/")
                        || n.startsWith("i18n/sandbox") || n.startsWith("org/h2/")
                        || n.startsWith("org/apache/velocity/"))
                .toList();
        assertEquals(List.of(), offending);
        assertTrue(names().contains("de/digitalstrategie/cockpit/decision/store/DecisionStore.class"));
    }

    @Test
    void noPluginClassReferencesTheSandbox() throws Exception {
        List<String> referencing = new ArrayList<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            if (entry.getName().endsWith(".class")) {
                try (InputStream in = jar.getInputStream(entry)) {
                    // Class references sit in the constant pool as UTF-8 internal names.
                    String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    if (bytes.contains("de/digitalstrategie/cockpit/sandbox")) {
                        referencing.add(entry.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), referencing);
    }

    @Test
    void manifestMakesItATransformerlessPlugin() throws Exception {
        Attributes main = jar.getManifest().getMainAttributes();
        assertEquals("de.digitalstrategie.cockpit", main.getValue("Atlassian-Plugin-Key"));
        assertEquals("de.digitalstrategie.cockpit", main.getValue("Bundle-SymbolicName"));
        assertEquals("*", main.getValue("Spring-Context"));
        String imports = main.getValue("Import-Package");
        for (String pkg : List.of("com.atlassian.activeobjects.external", "com.atlassian.sal.api.transaction",
                "net.java.ao", "net.java.ao.schema", "javax.inject")) {
            assertTrue(imports.contains(pkg + ",") || imports.endsWith(pkg), "Import-Package lacks " + pkg);
        }
        assertTrue(!imports.contains("java.lang"), "java.* must not be imported");
        assertNotNull(jar.getEntry("META-INF/spring/plugin-context.xml"));
    }

    @Test
    void descriptorDeclaresTheAoModuleAndI18n() throws Exception {
        Document descriptor;
        try (InputStream in = jar.getInputStream(jar.getEntry("atlassian-plugin.xml"))) {
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Element root = descriptor.getDocumentElement();
        assertEquals("de.digitalstrategie.cockpit", root.getAttribute("key"));
        assertEquals("2", root.getAttribute("plugins-version"));
        Element ao = (Element) root.getElementsByTagName("ao").item(0);
        assertEquals(CockpitSchema.NAMESPACE, ao.getAttribute("namespace"));
        NodeList entities = ao.getElementsByTagName("entity");
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < entities.getLength(); i++) {
            declared.add(entities.item(i).getTextContent().strip());
        }
        assertEquals(CockpitSchema.ENTITIES.stream().map(Class::getName).toList(), declared);

        NodeList resources = root.getElementsByTagName("resource");
        boolean i18n = false;
        for (int i = 0; i < resources.getLength(); i++) {
            Element r = (Element) resources.item(i);
            i18n |= "i18n".equals(r.getAttribute("type")) && "i18n/cockpit".equals(r.getAttribute("location"));
        }
        assertTrue(i18n, "no <resource type=\"i18n\" location=\"i18n/cockpit\">");
        assertNotNull(jar.getEntry("i18n/cockpit.properties"));
        assertNotNull(jar.getEntry("i18n/cockpit_de.properties"));
        assertTrue(!new String(jar.getInputStream(jar.getEntry("atlassian-plugin.xml")).readAllBytes(),
                StandardCharsets.UTF_8).contains("${"), "unfiltered ${...} left in the descriptor");
    }
}
