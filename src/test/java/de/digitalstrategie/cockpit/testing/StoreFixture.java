package de.digitalstrategie.cockpit.testing;

import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.audit.store.AuditLog;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.outbox.Outbox;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlacesStore;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSync;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.portfolio.store.ProjectLinks;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxClusterLockService;
import de.digitalstrategie.cockpit.sandbox.demo.DemoPeople;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;
import de.digitalstrategie.cockpit.schema.CockpitSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The plugin's stores on a real database, wired as the host wires them. */
public final class StoreFixture implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    public final Database database;
    public final HostActiveObjects ao;
    public final OrganisationStore organisation;
    public final ProjectHistory history;
    public final ProjectStore projects;
    public final CommitteeStore committee;
    public final DecisionStore decisions;
    public final AdvisoryStore advisory;
    public final AuditLog audit;
    public final Outbox outbox;
    /** This node's cluster lock service (the host's), on the same database. */
    public final SandboxClusterLockService lockService;
    public final ClusterLocks locks;
    /** Where each body's minutes live, in plugin settings of their own (empty: nothing is recorded). */
    public final MinutesPlacesStore minutesPlaces;
    /** Who may change what, from the seats in the bodies; the users are the sandbox's demo people. */
    public final Roles roles;

    public StoreFixture(Database database) {
        this.database = database;
        this.ao = HostActiveObjects.open(database, CockpitSchema.NAMESPACE);
        ao.migrate(CockpitSchema.entityArray());
        ProjectLinks links = new ProjectLinks(ao);
        this.audit = new AuditLog(ao);
        this.organisation = new OrganisationStore(ao);
        this.history = new ProjectHistory(ao, CLOCK);
        this.projects = new ProjectStore(ao, history);
        this.committee = new CommitteeStore(ao);
        this.outbox = new Outbox(ao, CLOCK);
        this.lockService = new SandboxClusterLockService(database);
        this.locks = new ClusterLocks(lockService);
        this.decisions = new DecisionStore(ao, links, audit, CLOCK, outbox, locks);
        this.advisory = new AdvisoryStore(ao, links, audit, CLOCK, outbox, locks);
        try {
            this.minutesPlaces = new MinutesPlacesStore(new StorePluginSettings(
                    Files.createTempDirectory("cockpit-settings").resolve("settings.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.roles = new Roles(new DemoUserManager(DemoPeople.users()), committee);
    }

    /** The minutes sync on these stores, as the plugin wires it. */
    public MinutesSync minutesSync(Clock clock) {
        return new MinutesSync(decisions, advisory, committee, new MinutesPlaces(minutesPlaces, committee), roles, clock,
                locks);
    }

    public static StoreFixture on(DatabaseTarget target) {
        return new StoreFixture(target.fresh());
    }

    @Override
    public void close() {
        lockService.close();
        ao.close();
    }
}
