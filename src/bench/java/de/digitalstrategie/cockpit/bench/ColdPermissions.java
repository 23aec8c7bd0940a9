package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.jira.client.JiraClient;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.host.DemoUserManager.DemoUser;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;
import de.digitalstrategie.cockpit.testing.jira.JiraDouble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Workload 1, cold permission cache: the first view of the portfolio by a user for whom 50 Jira
 * projects are mirrored, Jira connected (the double, over HTTP on 127.0.0.1), nothing known yet
 * about what the user may browse. Every HTTP request the view makes is counted on the double.
 * Baseline: what a view costs that asks Jira per mirrored project before it renders, with the
 * same client a page view uses.
 */
final class ColdPermissions {
    static final int WORKLOAD = 1;
    static final int JIRA_PROJECTS = 50;
    static final int ISSUES_PER_PROJECT = 20;
    private static final String SEARCH = "GET /rest/api/2/user/permission/search";
    private static final String MACRO = "<ac:structured-macro ac:name=\"digital-portfolio\" ac:schema-version=\"1\" "
            + "ac:macro-id=\"b3nch000-0000-4000-8000-000000000002\"/>";

    private ColdPermissions() {
    }

    static void run(Report report, Path seedDir, int warmup, int rounds) throws Exception {
        Database database = Postgres.fresh();
        JiraDouble jira = JiraDouble.builder().user(JiraPortfolio.TOKEN, "cockpit", true).start();
        Sandbox sandbox = new Sandbox(database, Files.createTempDirectory("cockpit-bench-access"),
                JiraPortfolio.VIEW_CLOCK);
        try {
            Postgres.Organisation organisation = Postgres.Organisation.seed(sandbox.organisation, seedDir);
            List<String> keys = new ArrayList<>();
            List<ProjectStore.Mirrored> mirrored = new ArrayList<>();
            for (int p = 1; p <= JIRA_PROJECTS; p++) {
                String key = String.format(Locale.ROOT, "P%02d", p);
                keys.add(key);
                jira.createProject(key, "Projekt " + key);
                for (int i = 1; i <= ISSUES_PER_PROJECT; i++) {
                    int number = (p - 1) * ISSUES_PER_PROJECT + i;
                    mirrored.add(new ProjectStore.Mirrored(project(key + "-" + i,
                            Data.project(number, organisation.fields(), organisation.departments())),
                            String.valueOf(10_000 + number)));
                }
            }
            sandbox.projects.mirror(mirrored);
            sandbox.jiraSettings.save(jira.baseUrl().toString(), JiraPortfolio.TOKEN, JiraPortfolio.JQL, "P01");
            int total = JIRA_PROJECTS * ISSUES_PER_PROJECT;
            String complete = "Projekte der Auswahl (" + String.format(Locale.GERMAN, "%,d", total) + ")";

            // Once, before the timed runs: the first view asks Jira about one project, the background
            // run it asks the host's scheduler for asks the rest off the page, and the next view is complete.
            int[] next = {0};
            String warm = newViewer(jira, keys, next);
            jira.resetCounts();
            render(sandbox, warm);
            int onPage = jira.count(SEARCH);
            sandbox.settle();
            int offPage = jira.count(SEARCH) - onPage;
            jira.resetCounts();
            String after = render(sandbox, warm);
            int afterRequests = jira.requests().size();
            if (!after.contains(complete) || after.contains("werden noch mit Jira abgeglichen") || afterRequests != 0) {
                throw new IllegalStateException("the view after the background run is not complete");
            }

            // Each timed run a user the plugin has not seen yet, whom Jira lets browse every project.
            int[] mostOnPage = {0};
            int[] mostAll = {0};
            Measure.Trial baseline = new Measure.Trial() {
                private String viewer;

                @Override
                public void prepare() {
                    viewer = newViewer(jira, keys, next);
                    jira.resetCounts();
                }

                @Override
                public Object run() {
                    JiraClient client = sandbox.jira.clientWhilePersonWaits().orElseThrow();
                    int may = 0;
                    for (String key : keys) {
                        may += client.mayBrowse(viewer, key) ? 1 : 0;
                    }
                    // Then the view with every answer known (the portfolio as the plugin shows it).
                    return may + " " + render(sandbox, warm);
                }

                @Override
                public void check(Object result) {
                    if (!result.toString().startsWith(JIRA_PROJECTS + " ") || !result.toString().contains(complete)
                            || jira.count(SEARCH) != JIRA_PROJECTS) {
                        throw new IllegalStateException("the baseline did not ask per project: " + jira.count(SEARCH));
                    }
                }
            };
            Measure.Trial plugin = new Measure.Trial() {
                private String viewer;

                @Override
                public void prepare() {
                    viewer = newViewer(jira, keys, next);
                    jira.resetCounts();
                }

                @Override
                public Object run() {
                    return render(sandbox, viewer);
                }

                @Override
                public void check(Object html) {
                    mostOnPage[0] = Math.max(mostOnPage[0], jira.count(SEARCH));
                    mostAll[0] = Math.max(mostAll[0], jira.requests().size());
                    if (!html.toString().contains((JIRA_PROJECTS - jira.count(SEARCH))
                            + " Jira-Projekte werden noch mit Jira abgeglichen")) {
                        throw new IllegalStateException("the first view did not say what Jira has not answered yet: "
                                + html.toString().substring(0, Math.min(2000, html.toString().length())));
                    }
                }
            };
            List<Samples> samples = Measure.interleave(warmup, rounds,
                    new Measure.Case("asking Jira per project on the page, then the view (" + JIRA_PROJECTS
                            + " Jira projects)", 1, baseline),
                    new Measure.Case("portfolio macro, first view (cold permission cache, " + JIRA_PROJECTS
                            + " Jira projects)", 1, plugin));

            String label = "first portfolio view of a user for whom " + JIRA_PROJECTS + " Jira projects are "
                    + "mirrored (cold permission cache)";
            report.row(WORKLOAD, new Report.Row(label + ": requests to Jira on the render path (most in any run, "
                    + "counted on the Jira double)", JIRA_PROJECTS + " (one per project)",
                    String.valueOf(mostOnPage[0]), "—", "≤ 1", mostOnPage[0] <= 1 && mostAll[0] <= 1));
            report.comparison(WORKLOAD, label + ": time of the view", samples.get(0), samples.get(1));
            report.fact(WORKLOAD, "cold permission cache", String.format(Locale.ROOT, "%d Jira projects with %d "
                            + "mirrored issues each; the first view asks Jira about one project (%d request of any "
                            + "kind at most in any run) and says in a notice how many are still being checked; the "
                            + "background run the view asks the host's scheduler for asks the other %d off the page; "
                            + "the next view asks nothing (%d requests) and shows all %,d projects. Jira Data Center "
                            + "answers \"may user U browse project P\" one project at a time (the user search by "
                            + "permission): no request answers all projects for another user. Baseline: the %d "
                            + "questions asked on the page with the same client, then the view with every answer known",
                    JIRA_PROJECTS, ISSUES_PER_PROJECT, mostAll[0], offPage, afterRequests, total, JIRA_PROJECTS));
        } finally {
            sandbox.close();
            jira.close();
            Postgres.drop(database);
        }
    }

    /** A user Jira lets browse every project, whom the plugin has not seen yet. */
    private static String newViewer(JiraDouble jira, List<String> keys, int[] next) {
        String name = "viewer-" + (++next[0]);
        for (String key : keys) {
            jira.grantBrowse(key, name);
        }
        return name;
    }

    private static String render(Sandbox sandbox, String userName) {
        sandbox.users.actAs(new DemoUser(userName, "Benchmark " + userName, Set.of()));
        sandbox.request.enter(Locale.GERMAN, Map.of());
        try {
            return sandbox.renderer.render(MACRO, new SandboxConversionContext(null, "display"));
        } finally {
            sandbox.request.leave();
            sandbox.users.actAs(null);
        }
    }

    private static DigitalProject project(String key, Data.Project p) {
        return new DigitalProject(key, p.title(), new ProjectProfile(p.description(), p.goals(), p.participants(), "",
                p.risks(), p.fundingSource()), new TimeFrame(p.start(), p.end()), p.budgetCents(), p.fundingCents(),
                ProjectStatus.RUNNING, p.phase(), p.health(), p.departmentKey(), p.fieldKey(),
                Instant.parse("2026-11-20T10:00:00Z"));
    }
}
