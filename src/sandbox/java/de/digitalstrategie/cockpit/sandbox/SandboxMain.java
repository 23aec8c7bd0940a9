package de.digitalstrategie.cockpit.sandbox;

import de.digitalstrategie.cockpit.reminder.send.ReminderJob;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the sandbox: the plugin on an H2 file database (seeded with the Worms demo on first
 * start) behind a local web server. Settings (system properties):
 * {@code cockpit.port} (8080), {@code cockpit.host} (127.0.0.1), {@code cockpit.data} (data),
 * {@code cockpit.seed} (src/sandbox/seed/worms).
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getProperty("cockpit.port", "8080"));
        String host = System.getProperty("cockpit.host", "127.0.0.1");
        Path data = Path.of(System.getProperty("cockpit.data", "data")).toAbsolutePath();
        Path seed = Path.of(System.getProperty("cockpit.seed", "src/sandbox/seed/worms")).toAbsolutePath().normalize();
        Files.createDirectories(data);
        if (!Files.isRegularFile(seed.resolve("measures.csv"))) {
            System.err.println("No Worms seed data at " + seed + " (set -Dcockpit.seed=DIR)");
            System.exit(2);
        }
        Sandbox sandbox = new Sandbox(Database.h2File(data.resolve("cockpit")), data, Clock.systemDefaultZone());
        boolean seeded = sandbox.seedDemo(seed);
        sandbox.baseUrl("http://localhost:" + port);
        // What the daily reminder job sends, once now, so the demo shows today's mail from the start
        // (sent once per person and day: a restart the same day sends nothing again).
        sandbox.plugin.bean(ReminderJob.class).sendToday();
        // A real Jira, if given: -Dcockpit.jira.url=... with the token in COCKPIT_JIRA_TOKEN (never on the command line).
        String jiraUrl = System.getProperty("cockpit.jira.url", System.getenv().getOrDefault("COCKPIT_JIRA_URL", ""));
        String jiraToken = System.getenv().getOrDefault("COCKPIT_JIRA_TOKEN", "");
        if (!jiraUrl.isBlank() && !jiraToken.isBlank()) {
            sandbox.jiraSettings.save(jiraUrl, jiraToken, System.getProperty("cockpit.jira.jql",
                    de.digitalstrategie.cockpit.jira.settings.JiraSettings.DEFAULT_JQL), System.getProperty("cockpit.jira.project", "DIGI"));
        }
        // The scheduler runs due jobs from now on: minutes pages recorded right after a save, and the
        // Jira jobs, which do nothing while Jira is not configured and start once an administrator has.
        sandbox.start();
        SandboxServer server = new SandboxServer(sandbox, host, port);
        server.start();
        System.out.println((seeded ? "Seeded the Worms demo from " + seed + ". " : "")
                + "Digitalstrategie-Cockpit sandbox on http://localhost:" + server.port() + "/ (health: /health)"
                + (sandbox.jira.settings().configured() ? "; Jira: " + sandbox.jira.settings().baseUrl()
                : "; Jira is not configured: the portfolio shows the demo mirror."));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            sandbox.close();
            stop.countDown();
        }));
        stop.await();
    }
}
