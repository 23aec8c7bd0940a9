package de.digitalstrategie.cockpit.sandbox;

import com.atlassian.confluence.macro.Macro;
import com.atlassian.plugin.web.ContextProvider;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.JiraConnector;
import de.digitalstrategie.cockpit.jira.JiraJobs;
import de.digitalstrategie.cockpit.jira.settings.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.outbox.Outbox;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlacesStore;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSync;
import de.digitalstrategie.cockpit.minutes.sync.PendingPages;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.sandbox.demo.DemoHistory;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxClusterLockService;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.sandbox.confluence.PageRepository;
import de.digitalstrategie.cockpit.sandbox.confluence.RequestScope;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxApplicationProperties;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxEvents;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPermissions;
import de.digitalstrategie.cockpit.sandbox.demo.DemoImplementation;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.sandbox.host.CookieXsrf;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager;
import de.digitalstrategie.cockpit.sandbox.host.PluginContainer;
import de.digitalstrategie.cockpit.sandbox.host.PluginDescriptor;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;
import de.digitalstrategie.cockpit.sandbox.host.VelocityTemplateRenderer;
import de.digitalstrategie.cockpit.sandbox.pages.StorageRenderer;

import javax.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plugin composed as Confluence composes it, and nowhere else: a Confluence node's host
 * services ({@link ConfluenceHost}) handed to the plugin's own META-INF/spring/plugin-context.xml
 * in a real Spring container ({@link PluginContainer}, init-methods run on start, destroy-methods
 * on {@link #close()}), and the modules of atlassian-plugin.xml created by constructor autowiring
 * from that context, as the plugin system creates them: every {@code <xhtml-macro>} under its
 * storage-format name, every {@code <servlet>} at its path, the {@code <rest>} module's resources
 * and providers. Adding a macro to the descriptor is all it takes to have it here.
 *
 * <p>The fields below are the host's services (the sandbox's own implementations) and the plugin's
 * beans that the sandbox's pages and the tests use, each taken from the context. Two sandboxes on
 * one database behave as two nodes of a cluster.
 */
public final class Sandbox implements AutoCloseable {
    public final ConfluenceHost host;
    public final PluginContainer plugin;

    // The host's services.
    public final Database database;
    public final HostActiveObjects ao;
    public final Clock clock;
    public final BundleI18nResolver i18n;
    /** The sandbox's own pages' texts (not the plugin's). */
    public final BundleI18nResolver sandboxI18n;
    public final VelocityTemplateRenderer templates;
    public final DemoUserManager users;
    public final StorePluginSettings settings;
    public final SandboxApplicationProperties application;
    public final RequestScope request;
    public final SandboxEvents events;
    public final PageRepository pages;
    public final SandboxPermissions permissions;
    public final CookieXsrf xsrf;
    public final SandboxClusterLockService clusterLocks;
    public final SandboxScheduler scheduler;

    // The plugin's beans.
    public final OrganisationStore organisation;
    public final ProjectStore projects;
    public final CommitteeStore committee;
    public final DecisionStore decisions;
    public final AdvisoryStore advisory;
    public final MinutesSync sync;
    public final MinutesPlacesStore minutesPlaces;
    public final PendingPages pendingPages;
    public final Outbox outbox;
    public final PageAccess pageAccess;
    public final ProjectAccess projectAccess;
    public final JiraSettingsStore jiraSettings;
    public final JiraConnector jira;
    public final ProjectSync projectSync;
    public final OutboxDelivery delivery;
    public final JiraJobs jiraJobs;

    // The plugin's modules.
    public final Map<String, Macro> macros;
    /** The context providers of the blueprints' content templates, by blueprint key (absent: none). */
    public final Map<String, ContextProvider> blueprintContexts;
    public final StorageRenderer renderer;
    private final List<Object> rest;
    private final Map<String, HttpServlet> servlets;

    /**
     * Starts the plugin on a node over {@code database}; {@code clock} is the host's and the
     * plugin's clock (plugin-context.xml's {@code clock} bean is the system clock).
     */
    public Sandbox(Database database, Path dataDir, Clock clock) {
        this(new ConfluenceHost(database, dataDir, clock));
    }

    /** Starts the plugin on {@code host}, its clock the host's. */
    public Sandbox(ConfluenceHost host) {
        this.host = host;
        this.database = host.database;
        this.ao = host.ao;
        this.clock = host.clock;
        this.i18n = host.i18n;
        this.sandboxI18n = new BundleI18nResolver("i18n/sandbox", Locale.GERMAN);
        this.templates = host.templates;
        this.users = host.users;
        this.settings = host.settings;
        this.application = host.application;
        this.request = host.request;
        this.events = host.events;
        this.pages = host.pages;
        this.permissions = host.permissions;
        this.xsrf = host.xsrf;
        this.clusterLocks = host.clusterLocks;
        this.scheduler = host.scheduler;
        try {
            this.plugin = PluginContainer.start(host.services(), host.clock);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        this.organisation = plugin.bean(OrganisationStore.class);
        this.projects = plugin.bean(ProjectStore.class);
        this.committee = plugin.bean(CommitteeStore.class);
        this.decisions = plugin.bean(DecisionStore.class);
        this.advisory = plugin.bean(AdvisoryStore.class);
        this.sync = plugin.bean(MinutesSync.class);
        this.minutesPlaces = plugin.bean(MinutesPlacesStore.class);
        this.pendingPages = plugin.bean(PendingPages.class);
        this.outbox = plugin.bean(Outbox.class);
        this.pageAccess = plugin.bean(PageAccess.class);
        this.projectAccess = plugin.bean(ProjectAccess.class);
        this.jiraSettings = plugin.bean(JiraSettingsStore.class);
        this.jira = plugin.bean(JiraConnector.class);
        this.projectSync = plugin.bean(ProjectSync.class);
        this.delivery = plugin.bean(OutboxDelivery.class);
        this.jiraJobs = plugin.bean(JiraJobs.class);

        try {
            PluginDescriptor descriptor = PluginDescriptor.load();
            this.macros = macros(descriptor, plugin);
            this.servlets = servlets(descriptor, plugin);
            this.rest = descriptor.restClasses().stream().<Object>map(plugin::createModule).toList();
            this.blueprintContexts = blueprintContexts(descriptor, plugin);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.renderer = new StorageRenderer(macros);
    }

    /** The xhtml-macro modules by storage-format name (two of one name are a mistake the sandbox refuses). */
    private static Map<String, Macro> macros(PluginDescriptor descriptor, PluginContainer plugin) {
        Map<String, Macro> registry = new LinkedHashMap<>();
        for (PluginDescriptor.MacroModule module : descriptor.macros()) {
            if (registry.put(module.name(), Macro.class.cast(plugin.createModule(module.type()))) != null) {
                throw new IllegalStateException("two xhtml-macro modules named " + module.name());
            }
        }
        return Map.copyOf(registry);
    }

    /** As Confluence does: created as a module, then initialised with its (here: no) parameters. */
    private static Map<String, ContextProvider> blueprintContexts(PluginDescriptor descriptor, PluginContainer plugin) {
        Map<String, ContextProvider> providers = new LinkedHashMap<>();
        descriptor.blueprintContextProviders().forEach((blueprint, type) -> type.ifPresent(t -> {
            ContextProvider provider = ContextProvider.class.cast(plugin.createModule(t));
            provider.init(Map.of());
            providers.put(blueprint, provider);
        }));
        return Map.copyOf(providers);
    }

    private static Map<String, HttpServlet> servlets(PluginDescriptor descriptor, PluginContainer plugin) {
        Map<String, HttpServlet> mounted = new LinkedHashMap<>();
        for (PluginDescriptor.ServletModule module : descriptor.servlets()) {
            mounted.put(module.path(), HttpServlet.class.cast(plugin.createModule(module.type())));
        }
        return Map.copyOf(mounted);
    }

    /** Sets the base URL Confluence is configured with (links that leave it, e.g. in Jira issues). */
    public void baseUrl(String url) {
        application.baseUrl(url);
    }

    /** The plugin's REST resources and providers, as its {@code <rest>} module declares them. */
    public List<Object> restResources() {
        return rest;
    }

    /** The plugin's servlets by path, as the servlet modules of atlassian-plugin.xml mount them. */
    public Map<String, HttpServlet> servlets() {
        return servlets;
    }

    /** Seeds the Worms demo on first start (its minutes recorded before this returns); a database that has data keeps it. */
    public boolean seedDemo(Path seedDir) throws IOException {
        WormsDemo demo = new WormsDemo(organisation, projects, committee, minutesPlaces, pages,
                new DemoHistory(ao, clock.getZone()));
        boolean seeded = demo.seedIfEmpty(seedDir, LocalDate.now(clock));
        settle();
        if (seeded) {
            DemoImplementation.apply(decisions, plugin.bean(Roles.class));
            demo.measureGoals(plugin.bean(de.digitalstrategie.cockpit.strategy.store.Measurements.class),
                    plugin.bean(de.digitalstrategie.cockpit.strategy.store.Indicators.class), plugin.bean(Roles.class));
            settle();
        }
        return seeded;
    }

    /** From now on, due jobs run on the scheduler's threads, as in Confluence (tests call {@link #settle()} instead). */
    public void start() {
        scheduler.start();
    }

    /**
     * Does the background work that is due now (on this thread): what the scheduler would have
     * done shortly after a page save, such as recording the minutes pages just published.
     */
    public void settle() {
        scheduler.runPending();
    }

    /** Disables the plugin (the context's destroy-methods unregister its jobs and listeners), then stops the node. */
    @Override
    public void close() {
        try {
            plugin.close();
        } finally {
            host.close();
        }
    }
}
