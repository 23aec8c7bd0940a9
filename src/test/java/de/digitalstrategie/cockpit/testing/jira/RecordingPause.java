package de.digitalstrategie.cockpit.testing.jira;

import de.digitalstrategie.cockpit.jira.client.Pause;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Pause} that notes how long the client wanted to wait, and does not wait. */
public final class RecordingPause implements Pause {
    private final List<Duration> pauses = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration d) {
        pauses.add(d);
    }

    public synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    public synchronized void clear() {
        pauses.clear();
    }
}
