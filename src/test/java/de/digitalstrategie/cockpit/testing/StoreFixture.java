package de.digitalstrategie.cockpit.testing;

import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.register.store.AuditLog;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.jira.outbox.Outbox;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlacesStore;
import de.digitalstrategie.cockpit.minutes.sync.MinutesSync;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.ConfluenceHost;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.ao.HostActiveObjects;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxClusterLockService;
import de.digitalstrategie.cockpit.sandbox.cluster.SandboxScheduler;
import de.digitalstrategie.cockpit.sandbox.host.PluginContainer;
import de.digitalstrategie.cockpit.sandbox.host.StorePluginSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of the plugin on a real database, composed as the host composes it: the sandbox's
 * Confluence host ({@link ConfluenceHost}) and the plugin's own plugin-context.xml in a real Spring
 * container ({@link PluginContainer}), the same two the sandbox runs on. Nothing is built by hand
 * here, so a store that takes one more collaborator changes plugin-context.xml and no test. The
 * fields are beans taken from the context by type; {@link #bean} finds any other.
 */
public final class StoreFixture implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    public final ConfluenceHost host;
    public final PluginContainer plugin;
    public final Database database;
    public final HostActiveObjects ao;
    /** This node's scheduler (the host's): jobs run when a test calls {@code runPending()}. */
    public final SandboxScheduler scheduler;
    /** This node's cluster lock service (the host's), on the same database. */
    public final SandboxClusterLockService lockService;
    public final OrganisationStore organisation;
    /** Each project's history, which {@link #projects} writes. */
    public final ProjectHistory history;
    public final ProjectStore projects;
    public final CommitteeStore committee;
    public final DecisionStore decisions;
    public final AdvisoryStore advisory;
    public final AuditLog audit;
    public final Outbox outbox;
    public final ClusterLocks locks;
    /** Where each body's minutes live, in the host's plugin settings (empty: nothing is recorded). */
    public final MinutesPlacesStore minutesPlaces;
    /** Who may change what, from the seats in the bodies; the users are the sandbox's demo people. */
    public final Roles roles;
    public final MinutesSync minutesSync;
    private final Clock clock;
    private final Map<String, ?> replaced;

    /** A node on {@code database} with plugin settings of its own, on {@link #CLOCK}. */
    public StoreFixture(Database database) {
        this(database, freshSettings(), CLOCK, Map.of());
    }

    /**
     * A node on {@code database} with {@code settings} (the cluster's), whose host and plugin run on
     * {@code clock}; {@code replaced} are plugin beans a test sets at the plugin's edge
     * ({@link PluginContainer#start(de.digitalstrategie.cockpit.sandbox.host.HostServices, Map)}).
     */
    public StoreFixture(Database database, StorePluginSettings settings, Clock clock, Map<String, ?> replaced) {
        this.clock = clock;
        this.replaced = Map.copyOf(replaced);
        this.host = new ConfluenceHost(database, settings, clock);
        try {
            this.plugin = PluginContainer.start(host.services(), withClock(replaced, clock));
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        this.database = database;
        this.ao = host.ao;
        this.scheduler = host.scheduler;
        this.lockService = host.clusterLocks;
        this.organisation = bean(OrganisationStore.class);
        this.history = bean(ProjectHistory.class);
        this.projects = bean(ProjectStore.class);
        this.committee = bean(CommitteeStore.class);
        this.decisions = bean(DecisionStore.class);
        this.advisory = bean(AdvisoryStore.class);
        this.audit = bean(AuditLog.class);
        this.outbox = bean(Outbox.class);
        this.locks = bean(ClusterLocks.class);
        this.minutesPlaces = bean(MinutesPlacesStore.class);
        this.roles = bean(Roles.class);
        this.minutesSync = bean(MinutesSync.class);
    }

    private static Map<String, ?> withClock(Map<String, ?> replaced, Clock clock) {
        Map<String, Object> all = new LinkedHashMap<>(replaced);
        all.putIfAbsent("clock", clock);
        return all;
    }

    public static StoreFixture on(DatabaseTarget target) {
        return on(target, CLOCK);
    }

    /** A node on a fresh database of {@code target}, its host and plugin on {@code clock}. */
    public static StoreFixture on(DatabaseTarget target, Clock clock) {
        return new StoreFixture(target.fresh(), freshSettings(), clock, Map.of());
    }

    /** A node on {@code database} with plugin settings of its own, its host and plugin on {@code clock}. */
    public static StoreFixture on(Database database, Clock clock) {
        return new StoreFixture(database, freshSettings(), clock, Map.of());
    }

    /** Another node of the same cluster: the same database and plugin settings, its own host and plugin. */
    public StoreFixture node(Clock clock) {
        return new StoreFixture(database, host.settings, clock, Map.of());
    }

    /** Stops this node and starts it again over the same data, as a restart of Confluence does. */
    public StoreFixture restart() {
        close();
        return new StoreFixture(database, host.settings, clock, replaced);
    }

    /** The plugin's one bean of {@code type}. */
    public <T> T bean(Class<T> type) {
        return plugin.bean(type);
    }

    static StorePluginSettings freshSettings() {
        try {
            return new StorePluginSettings(Files.createTempDirectory("cockpit-settings").resolve("settings.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Disables the plugin (its jobs and listener unregistered), then stops the node. */
    @Override
    public void close() {
        try {
            plugin.close();
        } finally {
            host.close();
        }
    }
}
