package de.digitalstrategie.cockpit.jira.client;

import java.time.Duration;

/** How the client waits between attempts; tests record the pauses instead of sleeping through them. */
@FunctionalInterface
public interface Pause {
    void sleep(Duration d) throws InterruptedException;

    Pause REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));
}
