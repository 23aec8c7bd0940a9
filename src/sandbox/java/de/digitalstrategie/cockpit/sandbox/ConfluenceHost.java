package de.digitalstrategie.cockpit.sandbox;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.confluence.core.ContentPermissionManager;
import com.atlassian.confluence.pages.PageManager;
import com.atlassian.confluence.security.PermissionManager;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.core.task.MultiQueueTaskManager;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.templaterenderer.TemplateRenderer;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxClusterLockService;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.sandbox.confluence.PageRepository;
import de.digitalstrategie.cockpit.sandbox.confluence.RequestScope;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxApplicationProperties;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxEvents;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxMailQueue;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxContentPermissions;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPermissions;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxWebResources;
import de.digitalstrategie.cockpit.sandbox.demo.DemoPeople;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.sandbox.host.CookieXsrf;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager;
import de.digitalstrategie.cockpit.sandbox.host.HostServices;
import de.digitalstrategie.cockpit.sandbox.host.PluginDescriptor;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;
import de.digitalstrategie.cockpit.sandbox.host.VelocityTemplateRenderer;
import de.digitalstrategie.cockpit.schema.CockpitSchema;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * One Confluence Data Center node as the plugin meets it: every service the plugin's
 * osgi:references ask for, each the sandbox's implementation of it, on one database. The sandbox
 * and the test that loads the plugin's Spring context both take their host from here, so the
 * two cannot differ. Two hosts on one database are two nodes of a cluster (scheduler and cluster
 * locks are shared through it).
 */
public final class ConfluenceHost implements AutoCloseable {
    /** Where the sandbox says it runs until told otherwise ({@link SandboxApplicationProperties#baseUrl}). */
    public static final String BASE_URL = "http://localhost:8080";

    public final Database database;
    public final Clock clock;
    public final HostActiveObjects ao;
    public final VelocityTemplateRenderer templates;
    public final BundleI18nResolver i18n;
    public final RequestScope request;
    public final DemoUserManager users;
    public final StorePluginSettings settings;
    public final SandboxApplicationProperties application;
    public final SandboxEvents events;
    public final PageRepository pages;
    public final SandboxPermissions permissions;
    public final SandboxContentPermissions contentPermissions;
    public final CookieXsrf xsrf;
    public final SandboxClusterLockService clusterLocks;
    public final SandboxScheduler scheduler;
    public final SandboxWebResources webResources;
    /** The mail the plugin sent through this node (kept, not sent). */
    public final SandboxMailQueue mail;

    /** Plugin settings are kept in {@code dataDir}; the host's scheduler runs on {@code clock}. */
    public ConfluenceHost(Database database, Path dataDir, Clock clock) {
        this(database, new StorePluginSettings(dataDir.resolve("plugin-settings.properties")), clock);
    }

    /**
     * A node whose plugin settings are {@code settings}: Confluence keeps them in the shared
     * database, so the nodes of one cluster are given the same.
     */
    public ConfluenceHost(Database database, StorePluginSettings settings, Clock clock) {
        this(database, settings, clock, new VelocityTemplateRenderer());
    }

    /** The same, rendering the plugin's templates with {@code templates} (a test may switch off Confluence's escaping). */
    public ConfluenceHost(Database database, StorePluginSettings settings, Clock clock,
                          VelocityTemplateRenderer templates) {
        this.database = database;
        this.clock = clock;
        this.ao = HostActiveObjects.open(database, CockpitSchema.NAMESPACE);
        // What Active Objects does for the <ao> module before the plugin first uses it.
        ao.migrate(CockpitSchema.entityArray());
        this.templates = templates;
        this.i18n = new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN);
        this.request = new RequestScope();
        this.users = new DemoUserManager(DemoPeople.users());
        this.settings = settings;
        this.application = new SandboxApplicationProperties(BASE_URL);
        this.events = new SandboxEvents();
        this.pages = new PageRepository(database, events, key -> users.user(key).orElse(null));
        this.permissions = new SandboxPermissions();
        this.contentPermissions = new SandboxContentPermissions();
        this.xsrf = new CookieXsrf();
        this.clusterLocks = new SandboxClusterLockService(database);
        this.scheduler = new SandboxScheduler(database, clock);
        this.webResources = new SandboxWebResources(PluginDescriptor.load().webResources());
        this.mail = new SandboxMailQueue(clock);
        DemoPeople.ENGLISH.forEach(key -> request.setUserLocale(key, Locale.ENGLISH));
    }

    /** The host's service registry, one interface per line, as the plugin's osgi:references find it. */
    public HostServices services() {
        return new HostServices()
                .offer(ActiveObjects.class, ao)
                .offer(TemplateRenderer.class, templates)
                .offer(I18nResolver.class, i18n)
                .offer(LocaleResolver.class, request)
                .offer(UserManager.class, users)
                .offer(UserAccessor.class, users)
                .offer(PluginSettingsFactory.class, settings)
                .offer(ApplicationProperties.class, application)
                .offer(PageManager.class, pages)
                .offer(PermissionManager.class, permissions)
                .offer(ContentPermissionManager.class, contentPermissions)
                .offer(EventPublisher.class, events)
                .offer(XsrfTokenAccessor.class, xsrf)
                .offer(XsrfTokenValidator.class, xsrf)
                .offer(ClusterLockService.class, clusterLocks)
                .offer(SchedulerService.class, scheduler)
                .offer(PageBuilderService.class, webResources)
                .offer(MultiQueueTaskManager.class, mail);
    }

    /** Stops the node: its scheduler, its hold on cluster locks, its database connections. */
    @Override
    public void close() {
        scheduler.close();
        clusterLocks.close();
        ao.close();
        pages.close();
    }
}
