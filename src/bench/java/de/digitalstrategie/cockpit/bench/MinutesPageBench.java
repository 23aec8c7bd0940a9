package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.sandbox.demo.WormsDemo;
import de.digitalstrategie.cockpit.sandbox.pages.SandboxConversionContext;
import de.digitalstrategie.cockpit.testing.SandboxFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Workload 6: a steering-committee minutes page with 30 decision macros against the same page
 * with one, rendered as a staff member views it (the sandbox's renderer, the decision macro, the
 * register, Velocity), on PostgreSQL. The pages are saved by the secretary in the committee's
 * space, so the register records their decisions through the page events first.
 */
final class MinutesPageBench {
    static final int WORKLOAD = 6;
    static final int MACROS = 30;
    static final String VIEWER = "mitarbeiterin";

    private MinutesPageBench() {
    }

    static void run(Report report, Path seed, int warmup, int iterations) throws Exception {
        Database database = Postgres.fresh();
        Path dir = Files.createTempDirectory("cockpit-minutes-bench");
        try (Sandbox sandbox = new Sandbox(database, dir, JiraPortfolio.VIEW_CLOCK)) {
            sandbox.seedDemo(seed);
            SandboxPage one = page(sandbox, "Protokoll Sondersitzung 1", 1, 0);
            SandboxPage thirty = page(sandbox, "Protokoll Sondersitzung 2", MACROS, 100);
            sandbox.settle();
            List<Samples> samples = Measure.interleave(warmup, iterations,
                    new Measure.Case("minutes page with 1 decision macro", 1, render(sandbox, one, 1)),
                    new Measure.Case("the same page with " + MACROS + " decision macros", 1,
                            render(sandbox, thirty, MACROS)));
            report.overhead(WORKLOAD, "minutes page with " + MACROS + " decision macros (baseline: the same page "
                    + "with one)", samples.get(0), samples.get(1), 3);
            report.fact(WORKLOAD, "pages", String.format(Locale.ROOT, "each decision recorded by the register "
                    + "(decided, with a vote, two projects, an owner and a due date; every third names a successor "
                    + "on the same page), between paragraphs of minutes text; viewer `%s`", VIEWER));
        } finally {
            Postgres.drop(database);
        }
    }

    static SandboxPage page(Sandbox sandbox, String title, int macros, int first) {
        StringBuilder body = new StringBuilder("<h1>Tagesordnung</h1>");
        for (int i = 0; i < macros; i++) {
            int n = first + i + 1;
            body.append("<p>Zu TOP ").append(i + 1).append(" berichtet die Stabsstelle über den Stand.</p>");
            body.append(SandboxFixture.macro("committee-decision", Map.of("number", "LK-2026-" + (500 + n),
                    "title", "Beschluss " + n + " zur Digitalisierung", "status", "decided", "vote", "7/1/1",
                    "projects", "DIGI-1, DIGI-2", "owner", "Stabsstelle Digitalisierung", "due", "2027-06-30",
                    "successor", i % 3 == 2 ? "LK-2026-" + (500 + n - 1) : ""),
                    "<p>Der Lenkungskreis beschließt die Umsetzung der Maßnahme " + n + ".</p>"));
        }
        return sandbox.pages.create(sandbox.pages.reserveId(), WormsDemo.STEERING_SPACE, 0, title, body.toString(),
                Set.of(), "minutes", WormsDemo.SECRETARY);
    }

    static Measure.Trial render(Sandbox sandbox, SandboxPage page, int macros) {
        return new Measure.Trial() {
            @Override
            public Object run() {
                sandbox.users.actAs(sandbox.users.user(VIEWER).orElseThrow());
                sandbox.request.enter(Locale.GERMAN, Map.of());
                try {
                    return sandbox.renderer.render(page.getBodyAsString(), new SandboxConversionContext(page,
                            "display"));
                } finally {
                    sandbox.request.leave();
                    sandbox.users.actAs(null);
                }
            }

            @Override
            public void check(Object result) {
                String html = (String) result;
                int shown = html.split("cockpit-decision\"", -1).length - 1;
                if (shown != macros || html.contains("Wird beim Speichern") || html.contains("aui-message-error")
                        || html.contains("cockpit-not-recorded")) {
                    throw new IllegalStateException("the page shows " + shown + " of " + macros + " recorded "
                            + "decisions: " + html.substring(0, Math.min(2000, html.length())));
                }
            }
        };
    }
}
