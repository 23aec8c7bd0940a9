package de.digitalstrategie.cockpit.sandbox;

import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import de.digitalstrategie.cockpit.minutes.sync.PendingPages;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.confluence.RequestScope;
import de.digitalstrategie.cockpit.sandbox.host.HostServices;
import de.digitalstrategie.cockpit.sandbox.host.PluginContainer;
import de.digitalstrategie.cockpit.sandbox.host.PluginDescriptor;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.inject.Inject;
import javax.inject.Named;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    private ConfluenceHost node;

    @BeforeEach
    void node() {
        node = new ConfluenceHost(Database.h2Memory("ctx" + UUID.randomUUID().toString().replace("-", "")), data,
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        node.close();
    }

    /** What Confluence offers the plugin: the sandbox's own host, the one {@link Sandbox} runs on. */
    private HostServices host() {
        return node.services();
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
            for (Class<?> type : restClasses()) {
                created.put(type.getName(), container.createModule(type));
            }
        }
        assertEquals(List.of("com.atlassian.confluence.plugin.descriptor.web.conditions.ConfluenceAdministratorCondition",
                "com.atlassian.confluence.plugin.descriptor.web.conditions.ConfluenceAdministratorCondition",
                "com.atlassian.confluence.plugin.descriptor.web.conditions.ConfluenceAdministratorCondition"),
                hostClasses, "the admin links' conditions");
        assertTrue(created.keySet().containsAll(Set.of(
                "de.digitalstrategie.cockpit.portfolio.macro.PortfolioMacro",
                "de.digitalstrategie.cockpit.jira.admin.JiraAdminServlet",
                "de.digitalstrategie.cockpit.minutes.admin.MinutesPlacesServlet",
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
            assertFalse(locales instanceof RequestScope);
            // One sandbox object serves both XSRF interfaces; each reference sees only its own.
            Object accessor = container.bean("xsrfTokenAccessor", Object.class);
            assertInstanceOf(XsrfTokenAccessor.class, accessor);
            assertFalse(accessor instanceof XsrfTokenValidator);
        }
    }

    /**
     * The plugin's lifecycle as Confluence drives it: enabling it runs the init-methods (the page
     * listener hears the host's events, a saved minutes page is queued for this node's scheduler),
     * disabling it runs the destroy-methods (nothing hears the events any more, and the job asked
     * for the page no longer runs on this node).
     */
    @Test
    void enablingThePluginRegistersItsListenerAndJobsAndDisablingItUnregistersThem() {
        PendingPages pending;
        try (PluginContainer container = PluginContainer.start(host())) {
            pending = container.bean(PendingPages.class);
            node.pages.create("DIGI", "Protokoll 1", minutes("LK-1"), Set.of(), "minutes");
            assertEquals(1, pending.count(), "the listener heard the page event");
        }
        node.pages.create("DIGI", "Protokoll 2", minutes("LK-2"), Set.of(), "minutes");
        assertEquals(1, pending.count(), "no listener left once the plugin is disabled");
        node.scheduler.runPending();
        assertEquals(List.of(), node.scheduler.runs(), "the plugin's jobs left this node with it");
    }

    private static String minutes(String number) {
        return SandboxFixture.macro("committee-decision", java.util.Map.of("number", number, "title", "Beschluss",
                "status", "proposed"), "<p>Text</p>");
    }

    /**
     * Constructor autowiring takes a bean by the parameter's type; with two candidates Spring
     * falls back to matching parameter names, which only works where the classes were compiled
     * with their names (this build's -parameters, not necessarily the SDK's). So every type a
     * module's constructor takes must have exactly one bean.
     */
    @Test
    void everyTypeAModuleConstructorTakesHasExactlyOneBean() throws Exception {
        List<String> ambiguous = new ArrayList<>();
        try (PluginContainer container = PluginContainer.start(host())) {
            for (Class<?> module : moduleClasses()) {
                for (Constructor<?> constructor : module.getConstructors()) {
                    for (Class<?> parameter : constructor.getParameterTypes()) {
                        List<String> beans = container.beansOfType(parameter);
                        if (beans.size() != 1) {
                            ambiguous.add(module.getSimpleName() + "(" + parameter.getSimpleName() + "): " + beans);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), ambiguous);
    }

    /**
     * The plugin system creates the module classes of atlassian-plugin.xml itself; a bean of the
     * same class in plugin-context.xml is a second instance that nothing uses, and a second place
     * where the wiring can drift.
     */
    @Test
    void noBeanDuplicatesAModuleClass() throws Exception {
        Set<Class<?>> modules = moduleClasses();
        List<String> duplicates = new ArrayList<>();
        try (PluginContainer container = PluginContainer.start(host())) {
            for (String name : container.beanNames()) {
                Class<?> type = container.beanType(name);
                if (modules.contains(type)) {
                    duplicates.add(name + " (" + type.getName() + ")");
                }
            }
        }
        assertEquals(List.of(), duplicates);
    }

    /** The modules the sandbox creates are those the descriptor declares, under their names and paths. */
    @Test
    void theSandboxReadsEveryMacroServletAndRestPackageOfTheDescriptor() throws Exception {
        Document descriptor = descriptor();
        PluginDescriptor read = PluginDescriptor.load();
        NodeList macros = descriptor.getElementsByTagName("xhtml-macro");
        Set<String> declared = new LinkedHashSet<>();
        for (int i = 0; i < macros.getLength(); i++) {
            Element macro = (Element) macros.item(i);
            declared.add(macro.getAttribute("name") + "=" + macro.getAttribute("class"));
        }
        Set<String> found = new LinkedHashSet<>();
        read.macros().forEach(m -> found.add(m.name() + "=" + m.type().getName()));
        assertEquals(declared, found);
        assertTrue(declared.size() >= 7, declared.toString());
        assertEquals(List.of("/plugins/servlet/cockpit/admin=de.digitalstrategie.cockpit.jira.admin.JiraAdminServlet",
                "/plugins/servlet/cockpit/project-publication=de.digitalstrategie.cockpit.publication.web.PublicationServlet",
                "/plugins/servlet/cockpit/decision-implementation=de.digitalstrategie.cockpit.decision.web.ImplementationServlet",
                "/plugins/servlet/cockpit/admin/minutes=de.digitalstrategie.cockpit.minutes.admin.MinutesPlacesServlet",
                "/plugins/servlet/cockpit/reminders=de.digitalstrategie.cockpit.reminder.web.ReminderPreferencesServlet",
                "/plugins/servlet/cockpit/admin/reminders=de.digitalstrategie.cockpit.reminder.web.ReminderAdminServlet",
                "/plugins/servlet/cockpit/calendar=de.digitalstrategie.cockpit.calendar.web.CalendarServlet",
                "/plugins/servlet/cockpit/evidence-flags=de.digitalstrategie.cockpit.evidence.web.EvidenceServlet",
                "/plugins/servlet/cockpit/admin/evidence=de.digitalstrategie.cockpit.evidence.web.EvidenceAdminServlet",
                "/plugins/servlet/cockpit/report=de.digitalstrategie.cockpit.report.web.QuarterlyReportServlet",
                "/plugins/servlet/cockpit/indicator-values=de.digitalstrategie.cockpit.strategy.web.ValuesServlet"),
                read.servlets().stream().map(s -> s.path() + "=" + s.type().getName()).toList());
        Set<String> packages = new TreeSet<>();
        NodeList rest = descriptor.getElementsByTagName("package");
        for (int i = 0; i < rest.getLength(); i++) {
            packages.add(rest.item(i).getTextContent().strip());
        }
        Set<String> covered = new TreeSet<>();
        read.restClasses().forEach(c -> covered.add(c.getPackageName()));
        assertEquals(packages, covered, "a rest package without a resource or provider");
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
        rest.addAll(restClasses());
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

    private static Document descriptor() {
        return PluginDescriptor.load().document();
    }

    /** The REST module's resources and providers, as the sandbox finds them. */
    private static List<Class<?>> restClasses() {
        return PluginDescriptor.load().restClasses();
    }

    /** Every class the plugin system creates from the descriptor: the plugin's classes named there and the REST classes. */
    private static Set<Class<?>> moduleClasses() throws Exception {
        Set<Class<?>> modules = new LinkedHashSet<>(restClasses());
        NodeList all = descriptor().getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String name = ((Element) all.item(i)).getAttribute("class");
            if (name.startsWith(PLUGIN)) {
                modules.add(Class.forName(name));
            }
        }
        return modules;
    }

    /** Every class of the plugin (not the sandbox), from the compiled classes. */
    private static List<Class<?>> pluginClasses() {
        return PluginDescriptor.load().classesIn("de.digitalstrategie.cockpit").stream()
                .filter(c -> !c.getName().startsWith(PLUGIN + "sandbox.")).toList();
    }
}
