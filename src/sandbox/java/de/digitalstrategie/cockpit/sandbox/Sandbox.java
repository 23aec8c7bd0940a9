package de.digitalstrategie.cockpit.sandbox;

import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.audit.store.AuditLog;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.store.ProjectLinks;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.sandbox.demo.DemoPeople;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;
import de.digitalstrategie.cockpit.sandbox.host.VelocityTemplateRenderer;
import de.digitalstrategie.cockpit.schema.CockpitSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The plugin's real classes wired to thin host services, as Confluence's plugin system would
 * wire them from the Spring context: Active Objects on a real database, i18n from the plugin's
 * bundles, Velocity rendering, demo users and plugin settings.
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
    public final OrganisationStore organisation;
    public final ProjectStore projects;
    public final CommitteeStore committee;
    public final DecisionStore decisions;
    public final AdvisoryStore advisory;

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
        ProjectLinks links = new ProjectLinks(ao);
        AuditLog audit = new AuditLog(ao);
        this.organisation = new OrganisationStore(ao);
        this.projects = new ProjectStore(ao);
        this.committee = new CommitteeStore(ao);
        this.decisions = new DecisionStore(ao, links, audit, clock);
        this.advisory = new AdvisoryStore(ao, links, audit, clock);
    }

    /** Seeds the Worms demo on first start; a database that has data keeps it. */
    public boolean seedDemo(Path seedDir) throws IOException {
        return new WormsDemo(organisation, projects, committee, decisions, advisory)
                .seedIfEmpty(seedDir, LocalDate.now(clock));
    }

    @Override
    public void close() {
        ao.close();
    }
}
