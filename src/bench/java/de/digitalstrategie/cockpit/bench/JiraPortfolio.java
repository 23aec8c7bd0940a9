package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.settings.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.jira.client.JiraConnection;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.lock.ClusterLocks;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;
import de.digitalstrategie.cockpit.testing.jira.JiraDouble;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Jira (the double, over HTTP on 127.0.0.1) holding the portfolio as Digitalprojekt issues, and
 * the plugin in the sandbox on PostgreSQL, connected to it as the admin page would connect it.
 */
final class JiraPortfolio implements AutoCloseable {
    static final String TOKEN = "YmVuY2htYXJrLXRva2VuLW5vdC1hLXNlY3JldA";
    static final String JQL = "project = DIGI AND issuetype = \"" + Provisioning.PROJECT_TYPE + "\"";
    /** The fixed "now" of the sandbox's views (the Jira double keeps its own clock for "updated"). */
    static final Clock VIEW_CLOCK = Clock.fixed(Data.TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    final JiraDouble jira;
    final JiraClient client;
    final JiraSettingsStore settingsStore;
    final Database database;
    final Sandbox sandbox;
    final Postgres.Organisation organisation;
    final List<Data.Project> projects = new ArrayList<>();
    final ProjectSync sync;
    private final Path dir;

    JiraPortfolio(int issues, Path seedDir) {
        try {
            this.dir = Files.createTempDirectory("cockpit-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.jira = JiraDouble.builder().user(TOKEN, "cockpit", true).start();
        jira.createProject("DIGI", "Digitalisierung");
        // The portfolio shows the viewer what Jira lets him browse (asked once, then kept).
        jira.grantBrowse("DIGI", PortfolioBench.VIEWER);
        this.database = Postgres.fresh();
        this.sandbox = new Sandbox(database, dir, VIEW_CLOCK);
        this.organisation = Postgres.Organisation.seed(sandbox.organisation, seedDir);
        // Settings where the plugin keeps them, so the portfolio links its rows to the issues in Jira.
        this.settingsStore = new JiraSettingsStore(sandbox.settings);
        settingsStore.save(jira.baseUrl().toString(), TOKEN, JQL, "DIGI");
        // A real client: real pauses, and timeouts a page of 1,000 issues never runs into.
        this.client = new JiraClient(new JiraConnection(jira.baseUrl(), TOKEN, Duration.ofSeconds(5),
                Duration.ofSeconds(60), 0, Duration.ofSeconds(1)));
        new Provisioning(client, settingsStore).run();
        Map<ProfileField, String> ids = settings().fieldIds();
        for (int from = 0; from < issues; from += 1000) {
            int base = from;
            int n = Math.min(1000, issues - from);
            List<Data.Project> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(Data.project(base + i + 1, organisation.fields(), organisation.departments()));
            }
            projects.addAll(batch);
            jira.createIssues("DIGI", Provisioning.PROJECT_TYPE, n, i -> fields(batch.get(i), ids));
            // Edited over time, as a real portfolio is: "updated" spreads over many minutes.
            jira.advance(Duration.ofMinutes(1));
        }
        jira.advance(Duration.ofMinutes(10));
        // The sync's clock is Jira's, so "changed since the last sync" is exact.
        Clock clock = jira.clock();
        this.sync = new ProjectSync(sandbox.ao, sandbox.projects, sandbox.organisation,
                new ClusterLocks(sandbox.clusterLocks), clock);
    }

    JiraSettings settings() {
        return settingsStore.load();
    }

    /** A project's profile in the shapes Jira takes it (names as people type them, not keys). */
    static Map<String, Object> fields(Data.Project p, Map<ProfileField, String> ids) {
        Map<String, Object> f = new HashMap<>();
        f.put("summary", p.title());
        f.put("description", p.description());
        f.put(ids.get(ProfileField.DEPARTMENT), p.departmentName());
        f.put(ids.get(ProfileField.FIELD_OF_ACTION), p.fieldKey());
        f.put(ids.get(ProfileField.PHASE), p.phaseName());
        f.put(ids.get(ProfileField.HEALTH), p.healthName());
        f.put(ids.get(ProfileField.BUDGET), p.budgetCents() / 100.0);
        f.put(ids.get(ProfileField.FUNDING), p.fundingCents() / 100.0);
        f.put(ids.get(ProfileField.FUNDING_SOURCE), p.fundingSource());
        f.put(ids.get(ProfileField.GOALS), p.goals());
        f.put(ids.get(ProfileField.PARTICIPANTS), p.participants());
        f.put(ids.get(ProfileField.RISKS), p.risks());
        f.put(ids.get(ProfileField.START), p.start().toString());
        f.put(ids.get(ProfileField.END), p.end().toString());
        return f;
    }

    /** Renders storage format in the sandbox as a signed-in user sees it (as the tests' SandboxFixture does). */
    String render(String storageFormat, String userKey) {
        return render(sandbox, storageFormat, userKey);
    }

    static String render(Sandbox sandbox, String storageFormat, String userKey) {
        sandbox.users.actAs(sandbox.users.user(userKey).orElseThrow());
        sandbox.request.enter(Locale.GERMAN, Map.of());
        try {
            return sandbox.renderer.render(storageFormat, new SandboxConversionContext(null, "display"));
        } finally {
            sandbox.request.leave();
            sandbox.users.actAs(null);
        }
    }

    @Override
    public void close() {
        jira.close();
        sandbox.close();
        Postgres.drop(database);
    }
}
