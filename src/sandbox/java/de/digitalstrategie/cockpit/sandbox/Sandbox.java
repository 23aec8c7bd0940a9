package de.digitalstrategie.cockpit.sandbox;

import com.atlassian.confluence.macro.Macro;
import com.atlassian.scheduler.SchedulerServiceException;
import de.digitalstrategie.cockpit.access.BrowseAccessJob;
import de.digitalstrategie.cockpit.access.ConfluencePageAccess;
import de.digitalstrategie.cockpit.access.JiraBrowseAccess;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.advisory.macro.AdvisoryInputMacro;
import de.digitalstrategie.cockpit.advisory.macro.AdvisoryRegisterMacro;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.audit.store.AuditLog;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.macro.DecisionMacro;
import de.digitalstrategie.cockpit.decision.macro.DecisionRegisterMacro;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.decision.rest.DecisionResource;
import de.digitalstrategie.cockpit.oparl.OParlCors;
import de.digitalstrategie.cockpit.oparl.OParlResource;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.rest.FallbackExceptionMapper;
import de.digitalstrategie.cockpit.rest.LocalisedExceptionMapper;
import de.digitalstrategie.cockpit.jira.JiraConnector;
import de.digitalstrategie.cockpit.jira.JiraJobs;
import de.digitalstrategie.cockpit.jira.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.admin.JiraAdminServlet;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.outbox.Outbox;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.sandbox.host.CookieXsrf;
import de.digitalstrategie.cockpit.minutes.sync.MinutesPageListener;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSync;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSyncJob;
import de.digitalstrategie.cockpit.minutes.sync.PendingPages;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxClusterLockService;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.JiraLinks;
import de.digitalstrategie.cockpit.portfolio.macro.PortfolioMacro;
import de.digitalstrategie.cockpit.portfolio.macro.RoadmapMacro;
import de.digitalstrategie.cockpit.portfolio.macro.ProjectProfileMacro;
import de.digitalstrategie.cockpit.portfolio.store.ProjectLinks;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.sandbox.confluence.PageRepository;
import de.digitalstrategie.cockpit.sandbox.confluence.RequestScope;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxEvents;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPermissions;
import de.digitalstrategie.cockpit.sandbox.demo.DemoPeople;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;
import de.digitalstrategie.cockpit.sandbox.host.VelocityTemplateRenderer;
import de.digitalstrategie.cockpit.sandbox.pages.StorageRenderer;
import de.digitalstrategie.cockpit.schema.CockpitSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The plugin's real classes wired to thin host services, as Confluence's plugin system wires them
 * from META-INF/spring/plugin-context.xml: Active Objects on a real database, i18n from the
 * plugin's bundles, Velocity rendering, demo users, pages with permissions and page events, and
 * the Data Center services: the cluster lock service and the scheduler, both on the shared
 * database, so two sandboxes on one database behave as two nodes of a cluster.
 */
public final class Sandbox implements AutoCloseable {
    public final Database database;
    public final HostActiveObjects ao;
    public final Clock clock;
    public final BundleI18nResolver i18n;
    public final BundleI18nResolver sandboxI18n;
    public final VelocityTemplateRenderer templates;
    public final DemoUserManager users;
    public final StorePluginSettings settings;
    public final RequestScope request;
    public final SandboxEvents events;
    public final PageRepository pages;
    public final SandboxPermissions permissions;
    public final OrganisationStore organisation;
    public final ProjectStore projects;
    public final CommitteeStore committee;
    public final DecisionStore decisions;
    public final AdvisoryStore advisory;
    public final MinutesSync sync;
    public final PendingPages pendingPages;
    public final SandboxClusterLockService clusterLocks;
    public final SandboxScheduler scheduler;
    public final Outbox outbox;
    public final PageAccess pageAccess;
    public final ProjectAccess projectAccess;
    public final Map<String, Macro> macros;
    public final StorageRenderer renderer;
    public final CookieXsrf xsrf;
    public final JiraSettingsStore jiraSettings;
    public final JiraConnector jira;
    public final ProjectSync projectSync;
    public final OutboxDelivery delivery;
    public final JiraJobs jiraJobs;
    private final BrowseAccessJob browseAccessJob;
    private final MinutesPageListener listener;
    private final MinutesSyncJob minutesJob;
    private final JiraAdminServlet jiraAdmin;

    public Sandbox(Database database, Path dataDir, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.ao = HostActiveObjects.open(database, CockpitSchema.NAMESPACE);
        ao.migrate(CockpitSchema.entityArray());
        this.i18n = new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN);
        this.sandboxI18n = new BundleI18nResolver("i18n/sandbox", Locale.GERMAN);
        this.templates = new VelocityTemplateRenderer();
        this.users = new DemoUserManager(DemoPeople.users());
        this.settings = new StorePluginSettings(dataDir.resolve("plugin-settings.properties"));
        this.request = new RequestScope();
        this.events = new SandboxEvents();
        this.pages = new PageRepository(database, events);
        this.permissions = new SandboxPermissions();
        // The node's host services, on the shared database (osgi:reference in the Spring context).
        this.clusterLocks = new SandboxClusterLockService(database);
        this.scheduler = new SandboxScheduler(database, clock);

        ProjectLinks links = new ProjectLinks(ao);
        AuditLog audit = new AuditLog(ao);
        this.organisation = new OrganisationStore(ao);
        this.projects = new ProjectStore(ao);
        this.committee = new CommitteeStore(ao);
        this.outbox = new Outbox(ao, clock);
        ClusterLocks locks = new ClusterLocks(clusterLocks);
        this.decisions = new DecisionStore(ao, links, audit, clock, outbox, locks);
        this.advisory = new AdvisoryStore(ao, links, audit, clock, outbox, locks);
        this.sync = new MinutesSync(decisions, advisory, committee, clock, locks);
        this.pendingPages = new PendingPages(ao, clock);
        this.minutesJob = new MinutesSyncJob(scheduler, pendingPages, sync, locks, clock);
        this.listener = new MinutesPageListener(events, sync, pendingPages, minutesJob);

        MacroRenderer macroRenderer = new MacroRenderer(templates, i18n, request, request, clock);
        PageLinks pageLinks = new PageLinks(request);
        JiraLinks jiraLinks = new JiraLinks(settings);
        this.pageAccess = new ConfluencePageAccess(pages, permissions);
        this.jiraSettings = new JiraSettingsStore(settings);
        this.jira = new JiraConnector(jiraSettings, JiraClient::new);
        this.projectSync = new ProjectSync(ao, projects, organisation, locks, clock);
        JiraBrowseAccess browseAccess = new JiraBrowseAccess(users, projects, jira, projectSync, clock);
        this.projectAccess = browseAccess;
        this.browseAccessJob = new BrowseAccessJob(scheduler, browseAccess, clock);
        Map<String, Macro> registry = new LinkedHashMap<>();
        registry.put("digital-portfolio", new PortfolioMacro(macroRenderer, projects, organisation, projectAccess, jiraLinks));
        registry.put("digital-roadmap", new RoadmapMacro(macroRenderer, projects, organisation, projectAccess, jiraLinks));
        registry.put("project-profile", new ProjectProfileMacro(macroRenderer, projects, organisation, decisions,
                advisory, committee, projectAccess, pageAccess, pageLinks, jiraLinks));
        registry.put("committee-decision", new DecisionMacro(macroRenderer, decisions, jiraLinks));
        registry.put("decision-register", new DecisionRegisterMacro(macroRenderer, decisions, committee, pageAccess,
                pageLinks, jiraLinks));
        registry.put("advisory-input", new AdvisoryInputMacro(macroRenderer, advisory, jiraLinks));
        registry.put("advisory-register", new AdvisoryRegisterMacro(macroRenderer, advisory, committee, pageAccess,
                pageLinks, jiraLinks));
        this.macros = Map.copyOf(registry);
        this.renderer = new StorageRenderer(macros);

        this.xsrf = new CookieXsrf();
        this.delivery = new OutboxDelivery(outbox, decisions, advisory, locks,
                id -> baseUrl + pageLinks.page(id));
        this.jiraJobs = new JiraJobs(scheduler, jira, projectSync, delivery, clock);
        // The init-methods of the Spring context, in its order.
        try {
            minutesJob.register();
            listener.register();
            browseAccessJob.register();
            jiraJobs.register();
        } catch (SchedulerServiceException e) {
            throw new IllegalStateException("The plugin's jobs could not be scheduled", e);
        }
        this.jiraAdmin = new JiraAdminServlet(users, jiraSettings, jira, projectSync, delivery, templates, i18n, request,
                xsrf, xsrf);
    }

    /** The public address of the sandbox, for links that leave it (e.g. in Jira issues). */
    private String baseUrl = "http://localhost:8080";

    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** The plugin's REST resources and providers, as its {@code <rest>} module declares them. */
    public java.util.List<Object> restResources() {
        Roles roles = new Roles(users, committee);
        PageLinks pageLinks = new PageLinks(request);
        return java.util.List.of(
                new DecisionResource(decisions, committee, pageAccess, pageLinks, roles, i18n, request),
                new de.digitalstrategie.cockpit.advisory.rest.AdvisoryResource(advisory, committee, pageAccess, pageLinks,
                        roles, i18n, request, clock),
                new de.digitalstrategie.cockpit.portfolio.rest.ProjectResource(projects, organisation, decisions,
                        advisory, committee, projectAccess, pageAccess, new JiraLinks(settings), clock, i18n, request),
                new de.digitalstrategie.cockpit.committee.rest.BodyResource(committee, pageAccess),
                new OParlResource(committee, decisions, advisory, pageAccess, pageLinks, settings, i18n, request),
                new OParlCors(),
                new LocalisedExceptionMapper(i18n, request),
                new FallbackExceptionMapper(i18n, request));
    }

    /** The plugin's servlets by path, as the servlet modules of atlassian-plugin.xml mount them. */
    public Map<String, javax.servlet.http.HttpServlet> servlets() {
        return Map.of("/plugins/servlet/cockpit/admin", jiraAdmin);
    }

    /** Seeds the Worms demo on first start (its minutes recorded before this returns); a database that has data keeps it. */
    public boolean seedDemo(Path seedDir) throws IOException {
        boolean seeded = new WormsDemo(organisation, projects, committee, pages).seedIfEmpty(seedDir, LocalDate.now(clock));
        settle();
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

    @Override
    public void close() {
        // The destroy-methods of the Spring context, then the host.
        jiraJobs.unregister();
        browseAccessJob.unregister();
        listener.unregister();
        minutesJob.unregister();
        scheduler.close();
        clusterLocks.close();
        ao.close();
    }
}
