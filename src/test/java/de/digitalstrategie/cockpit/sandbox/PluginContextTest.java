package de.digitalstrategie.cockpit.sandbox;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.confluence.pages.PageManager;
import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import de.digitalstrategie.cockpit.render.RequestParameters;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.sandbox.confluence.PageRepository;
import de.digitalstrategie.cockpit.sandbox.confluence.RequestScope;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxEvents;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPermissions;
import de.digitalstrategie.cockpit.sandbox.demo.DemoPeople;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.sandbox.host.CookieXsrf;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager;
import de.digitalstrategie.cockpit.sandbox.host.HostServices;
import de.digitalstrategie.cockpit.sandbox.host.PluginContainer;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;
import de.digitalstrategie.cockpit.sandbox.host.VelocityTemplateRenderer;
import de.digitalstrategie.cockpit.schema.CockpitSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.inject.Inject;
import javax.inject.Named;
import javax.ws.rs.Path;
import javax.ws.rs.ext.Provider;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's META-INF/spring/plugin-context.xml in a real Spring container, with the host's
 * services supplied as Gemini's osgi:references supply them (a proxy of the interface, nothing
 * more; none at all is a failure): every bean wires, every init method runs, and every class the
 * plugin system instantiates from atlassian-plugin.xml comes out of constructor autowiring.
 */
class PluginContextTest {
    private static final String PLUGIN = "de.digitalstrategie.cockpit.";

    @TempDir
    java.nio.file.Path data;
    private HostActiveObjects ao;

    @BeforeEach
    void database() {
        ao = HostActiveObjects.open(Database.h2Memory("ctx" + UUID.randomUUID().toString().replace("-", "")),
                CockpitSchema.NAMESPACE);
        ao.migrate(CockpitSchema.entityArray());
    }

    @AfterEach
    void close() {
        ao.close();
    }

    /** What Confluence offers the plugin, each from the sandbox's host: one line per service. */
    private HostServices host() {
        RequestScope request = new RequestScope();
        SandboxEvents events = new SandboxEvents();
        return new HostServices()
                .offer(ActiveObjects.class, ao)
                .offer(TemplateRenderer.class, new VelocityTemplateRenderer())
                .offer(I18nResolver.class, new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN))
                .offer(LocaleResolver.class, request)
                .offer(UserManager.class, new DemoUserManager(DemoPeople.users()))
                .offer(PluginSettingsFactory.class, new StorePluginSettings(data.resolve("plugin-settings.properties")))
                .offer(ApplicationProperties.class, request)
                .offer(PageManager.class, new PageRepository(Database.h2Memory("pages" + UUID.randomUUID()
                        .toString().replace("-", "")), events))
                .offer(PermissionManager.class, new SandboxPermissions())
                .offer(EventPublisher.class, events)
                .offer(XsrfTokenAccessor.class, new CookieXsrf())
                .offer(XsrfTokenValidator.class, new CookieXsrf());
    }

    @Test
    void everyBeanWiresAndEveryInitMethodRuns() {
        try (PluginContainer container = PluginContainer.start(host())) {
            assertTrue(container.beanNames().size() > 30, "beans: " + container.beanNames());
            for (String name : container.beanNames()) {
                assertNotNull(container.bean(name, Object.class), name);
            }
            Set<String> withInit = container.beansWithInitMethods();
            assertFalse(withInit.isEmpty(), "no init-method in plugin-context.xml: test out of date");
            assertTrue(container.initialised().containsAll(withInit),
                    "init methods run: " + container.initialised() + ", declared: " + withInit);
        }
    }

    @Test
    void everyModuleClassOfTheDescriptorIsCreatedByConstructorAutowiring() throws Exception {
        Document descriptor = descriptor();
        List<String> hostClasses = new ArrayList<>();
        TreeMap<String, Object> created = new TreeMap<>();
        try (PluginContainer container = PluginContainer.start(host())) {
            NodeList all = descriptor.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                String name = ((Element) all.item(i)).getAttribute("class");
                if (name.isBlank()) {
                    continue;
                }
                if (!name.startsWith(PLUGIN)) {
                    hostClasses.add(name); // a host class (web-item condition): the host creates it
                    continue;
                }
                created.put(name, container.createModule(Class.forName(name)));
            }
            for (Class<?> type : restClasses(descriptor)) {
                created.put(type.getName(), container.createModule(type));
            }
        }
        assertEquals(List.of("com.atlassian.confluence.plugin.descriptor.web.conditions.ConfluenceAdministratorCondition"),
                hostClasses);
        assertTrue(created.keySet().containsAll(Set.of(
                "de.digitalstrategie.cockpit.portfolio.macro.PortfolioMacro",
                "de.digitalstrategie.cockpit.jira.admin.JiraAdminServlet",
                "de.digitalstrategie.cockpit.decision.rest.DecisionResource",
                "de.digitalstrategie.cockpit.rest.FallbackExceptionMapper")), "created: " + created.keySet());
        created.forEach((name, module) -> assertEquals(name, module.getClass().getName()));
    }

    @Test
    void hostServicesReachThePluginOnlyThroughTheirInterface() {
        try (PluginContainer container = PluginContainer.start(host())) {
            Object locales = container.bean("localeResolver", Object.class);
            assertTrue(Proxy.isProxyClass(locales.getClass()), locales.getClass().getName());
            assertInstanceOf(LocaleResolver.class, locales);
            // The sandbox's RequestScope also serves request parameters; the plugin must not see that.
            assertFalse(locales instanceof RequestParameters);
            assertFalse(locales instanceof RequestScope);
        }
    }

    @Test
    void aServiceTheHostDoesNotOfferKeepsThePluginFromStarting() {
        HostServices lacking = new HostServices();
        host().offered().stream().filter(t -> t != PermissionManager.class).forEach(t -> copy(t, lacking));
        Exception failure = assertThrows(Exception.class, () -> PluginContainer.start(lacking).close());
        assertTrue(causes(failure).anyMatch(m -> m.contains("no service " + PermissionManager.class.getName())),
                failure.toString());
    }

    /**
     * Wiring comes from plugin-context.xml and, for module classes, from constructor autowiring;
     * nothing reads javax.inject or Spring annotations there (no annotation scanning in a
     * transformerless plugin's XML context). The one exception: @Inject on the constructor of the
     * REST module's resources and providers, which REST v2 may create itself (Jersey 2 with HK2
     * takes a constructor with arguments only if it carries @Inject; whether Platform 7 hands them
     * to Spring instead is not documented), so there each one that takes arguments carries it.
     */
    @Test
    void wiringAnnotationsOnlyWhereTheRestModuleMayReadThem() throws Exception {
        Set<Class<?>> rest = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        rest.addAll(restClasses(descriptor()));
        List<String> stray = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Class<?> type : pluginClasses()) {
            if (type.isAnnotationPresent(Named.class)
                    || Stream.of(type.getAnnotations()).anyMatch(a -> a.annotationType().getName().startsWith("org.springframework"))) {
                stray.add(type.getName() + " (class annotation)");
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                boolean inject = c.isAnnotationPresent(Inject.class);
                if (inject && !rest.contains(type)) {
                    stray.add(type.getName() + " (@Inject constructor)");
                }
                if (!inject && rest.contains(type) && c.getParameterCount() > 0) {
                    missing.add(type.getName());
                }
            }
            Stream.concat(Stream.of(type.getDeclaredFields()), Stream.of(type.getDeclaredMethods()))
                    .filter(m -> ((java.lang.reflect.AnnotatedElement) m).isAnnotationPresent(Inject.class))
                    .forEach(m -> stray.add(type.getName() + "." + ((java.lang.reflect.Member) m).getName()));
        }
        assertEquals(List.of(), stray, "wiring annotations nothing reads");
        assertEquals(List.of(), missing, "REST classes with an argument constructor and no @Inject");
    }

    private static <T> void copy(Class<T> type, HostServices to) {
        // The test's own host again, minus one service: the offered instances are not needed, only
        // a stand-in object of the same interface, which the reference never reaches.
        to.offer(type, type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> null)));
    }

    private static Stream<String> causes(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages.stream();
    }

    private static Document descriptor() throws Exception {
        try (InputStream in = PluginContextTest.class.getClassLoader().getResourceAsStream("atlassian-plugin.xml")) {
            assertNotNull(in, "atlassian-plugin.xml not on the class path");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    /** The REST module's resources and providers: @Path and @Provider classes of its packages. */
    private static List<Class<?>> restClasses(Document descriptor) throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        NodeList packages = descriptor.getElementsByTagName("package");
        for (int i = 0; i < packages.getLength(); i++) {
            String pkg = packages.item(i).getTextContent().strip();
            int before = classes.size();
            for (Class<?> type : classesIn(pkg, false)) {
                if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Provider.class)) {
                    classes.add(type);
                }
            }
            assertTrue(classes.size() > before, "no resource or provider in " + pkg);
        }
        return classes;
    }

    /** Every class of the plugin (not the sandbox), from the compiled classes. */
    private static List<Class<?>> pluginClasses() throws Exception {
        return classesIn("de.digitalstrategie.cockpit", true).stream()
                .filter(c -> !c.getName().startsWith(PLUGIN + "sandbox.")).toList();
    }

    private static List<Class<?>> classesIn(String pkg, boolean recursive) throws Exception {
        // The main classes' folder (test classes share the package names).
        URL main = CockpitSchema.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path root = java.nio.file.Path.of(main.toURI()).resolve(pkg.replace('.', '/'));
        assertTrue(Files.isDirectory(root), root.toString());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = recursive ? Files.walk(root) : Files.list(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                classes.add(Class.forName(pkg + "." + relative.substring(0, relative.length() - ".class".length()),
                        false, PluginContextTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
