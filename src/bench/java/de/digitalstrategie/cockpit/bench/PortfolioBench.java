package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.jira.settings.ProfileField;
import de.digitalstrategie.cockpit.jira.client.JiraIssue;
import de.digitalstrategie.cockpit.jira.client.SearchPage;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.testing.jira.JiraDouble;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Workload 1 at 10,000 projects: the portfolio macro (filter, group, sum, first page, through the
 * sandbox's storage renderer and the real Velocity templates) against what Confluence's Jira
 * Issues macro does on every view of a page: read the same 10,000 issues from Jira over HTTP, a
 * page of 1,000 (Jira's cap) at a time, and print them all as a table.
 */
final class PortfolioBench {
    static final int WORKLOAD = 1;
    /** Filter: three of five phases; group by field of action; the biggest budgets first; 25 rows. */
    static final Set<Phase> PHASES = Set.of(Phase.PLANNING, Phase.IMPLEMENTATION, Phase.OPERATION);
    static final String MACRO = "<ac:structured-macro ac:name=\"digital-portfolio\" ac:schema-version=\"1\" "
            + "ac:macro-id=\"b3nch000-0000-4000-8000-000000000001\">"
            + "<ac:parameter ac:name=\"phase\">planning,implementation,operation</ac:parameter>"
            + "<ac:parameter ac:name=\"group\">field</ac:parameter>"
            + "<ac:parameter ac:name=\"sort\">budget</ac:parameter>"
            + "<ac:parameter ac:name=\"order\">desc</ac:parameter>"
            + "</ac:structured-macro>";
    static final String VIEWER = "cdo";
    /** Each case alone before measuring: the 3 ms view needs about a thousand runs to be compiled. */
    static final java.time.Duration WARMUP_EACH = java.time.Duration.ofSeconds(3);

    private PortfolioBench() {
    }

    /** What the rendered macro must say: "Projekte der Auswahl (8.001)". */
    static String expectedCaption(List<Data.Project> projects) {
        long selected = projects.stream().filter(p -> PHASES.contains(p.phase())).count();
        return "Projekte der Auswahl (" + new Formats(Locale.GERMAN).number(selected) + ")";
    }

    static void run(Report report, JiraPortfolio setup, int warmupRounds, int rounds, int pluginPerRound) {
        int n = setup.projects.size();
        String caption = expectedCaption(setup.projects);
        Map<ProfileField, String> ids = setup.settings().fieldIds();
        List<String> columns = new ArrayList<>(List.of("summary", "status", "assignee", "updated"));
        for (ProfileField f : List.of(ProfileField.DEPARTMENT, ProfileField.FIELD_OF_ACTION, ProfileField.PHASE,
                ProfileField.HEALTH, ProfileField.BUDGET, ProfileField.FUNDING, ProfileField.END)) {
            columns.add(ids.get(f));
        }
        int[] requests = new int[1];
        List<Samples> samples = Measure.interleave(warmupRounds, WARMUP_EACH, rounds,
                new Measure.Case("Jira Issues macro baseline, " + n + " issues over HTTP", 1, new Measure.Trial() {
                    @Override
                    public void prepare() {
                        setup.jira.resetCounts();
                    }

                    @Override
                    public Object run() {
                        return jiraIssuesTable(setup, columns);
                    }

                    @Override
                    public void check(Object html) {
                        requests[0] = setup.jira.count("GET /rest/api/2/search");
                        int rows = html.toString().split("<tr>", -1).length - 2;
                        if (rows != n) {
                            throw new IllegalStateException("baseline rendered " + rows + " rows, not " + n);
                        }
                    }
                }),
                new Measure.Case("portfolio macro, " + n + " projects", pluginPerRound,
                        new View(setup, caption, false)),
                new Measure.Case("portfolio macro, " + n + " projects, one changed before each view", pluginPerRound,
                        new View(setup, caption, true)));
        Samples baseline = samples.get(0);
        Samples plugin = samples.get(1);
        Samples changed = samples.get(2);
        String label = String.format(Locale.ROOT, "%,d", n);
        report.speedup(WORKLOAD, "computed afresh: filter + group + sum + first page, " + label + " projects, one "
                + "project saved before each view (nothing this node computed before is reused)", baseline, changed, 20);
        report.atMost(WORKLOAD, "portfolio macro median computed afresh, " + label + " projects", changed, 8);
        report.speedup(WORKLOAD, "the same view kept by the node (the mirror unchanged since it was computed), "
                + label + " projects", baseline, plugin, 50);
        report.below(WORKLOAD, "portfolio macro median, kept view, " + label + " projects", plugin, 30);
        report.fact(WORKLOAD, "baseline: search requests per view", requests[0] + " (maxResults 1000, Jira's cap "
                + JiraDouble.DEFAULT_SEARCH_LIMIT + ")");
        report.fact(WORKLOAD, "store at 10,000", "filled by the sync measured in workload 2 (the same 10,000 issues), "
                + "then VACUUM ANALYZE (four full syncs in a row leave four dead versions of each row, which "
                + "autovacuum clears in normal operation)");
    }

    /** One view of the portfolio macro; after a change of the mirror, if asked, so that nothing kept is reused. */
    private static final class View implements Measure.Trial {
        private final JiraPortfolio setup;
        private final String caption;
        private final boolean changeFirst;
        private int round;

        View(JiraPortfolio setup, String caption, boolean changeFirst) {
            this.setup = setup;
            this.caption = caption;
            this.changeFirst = changeFirst;
        }

        @Override
        public void prepare() {
            if (changeFirst) {
                changeOne(setup.sandbox.projects, "DIGI-1", round++);
            }
        }

        @Override
        public Object run() {
            return setup.render(MACRO, VIEWER);
        }

        @Override
        public void check(Object html) {
            checkRendered(html, caption);
        }
    }

    static void checkRendered(Object html, String caption) {
        if (!html.toString().contains(caption) || !html.toString().contains("cockpit-projects")) {
            throw new IllegalStateException("portfolio did not render " + caption + ": "
                    + html.toString().substring(0, Math.min(2000, html.toString().length())));
        }
    }

    /**
     * Saves the project with its budget moved by a cent (back and forth, so the sums stay put): a
     * change of the mirror as a sync makes it, which every node must see on its next view.
     */
    static void changeOne(ProjectStore store, String key, int round) {
        DigitalProject p = store.find(key).orElseThrow();
        long budget = p.budgetCents() + (round % 2 == 0 ? 1 : -1);
        store.save(new DigitalProject(p.issueKey(), p.title(), p.profile(), p.timeFrame(), budget, p.fundingCents(),
                p.status(), p.phase(), p.health(), p.departmentKey(), p.fieldOfActionKey(), p.updated()));
    }

    /**
     * The baseline: every issue of the JQL, a page of 1,000 at a time, as one HTML table with the
     * columns the portfolio shows, every value escaped.
     */
    static String jiraIssuesTable(JiraPortfolio setup, List<String> columns) {
        List<JiraIssue> issues = new ArrayList<>();
        int startAt = 0;
        while (true) {
            SearchPage page = setup.client.search(JiraPortfolio.JQL + " ORDER BY key ASC", startAt,
                    JiraDouble.DEFAULT_SEARCH_LIMIT, columns);
            issues.addAll(page.issues());
            startAt += page.issues().size();
            if (page.issues().isEmpty() || startAt >= page.total()) {
                break;
            }
        }
        String browse = setup.jira.baseUrl() + "/browse/";
        StringBuilder html = new StringBuilder(issues.size() * 400);
        html.append("<table class=\"aui jira-issues\"><thead><tr><th>Schlüssel</th><th>Zusammenfassung</th>")
                .append("<th>Status</th><th>Bearbeiter</th><th>Aktualisiert</th>");
        for (int i = 4; i < columns.size(); i++) {
            html.append("<th>").append(Html.text(columns.get(i))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (JiraIssue issue : issues) {
            html.append("<tr><td><a href=\"").append(Html.text(browse + issue.key())).append("\">")
                    .append(Html.text(issue.key())).append("</a></td>");
            html.append("<td>").append(Html.text(issue.text("summary"))).append("</td>");
            html.append("<td>").append(Html.text(issue.text("status"))).append("</td>");
            html.append("<td>").append(Html.text(issue.text("assignee"))).append("</td>");
            html.append("<td>").append(Html.text(String.valueOf(issue.updated()))).append("</td>");
            for (int i = 4; i < columns.size(); i++) {
                html.append("<td>").append(Html.text(issue.text(columns.get(i)))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
