package de.digitalstrategie.cockpit.meeting.store;

import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.meeting.Item;
import de.digitalstrategie.cockpit.meeting.PreparationSection;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.meeting.Span;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The projects whose health is worse now than at the start of the last meeting's day, read from
 * their history: the health before the first change since then against the health the mirror holds
 * now, so a project that went red and back to green in between is not named. A project first
 * mirrored since then is measured against the first health it was mirrored with. Only projects the
 * viewer may see.
 */
public class HealthWorsened implements PreparationSection {
    private final ProjectHistory history;
    private final ProjectStore projects;
    private final Clock clock;

    public HealthWorsened(ProjectHistory history, ProjectStore projects, Clock clock) {
        this.history = history;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "health";
    }

    @Override
    public List<Item> items(Span span, Sight sight) {
        Instant since = span.since() == null ? Instant.EPOCH : span.since().atStartOfDay(clock.getZone()).toInstant();
        Map<String, String> before = new LinkedHashMap<>();
        for (ProjectChange change : history.changesSince(ChangeField.HEALTH, since)) {
            // A first mirroring has no "before": the health it brought is where the project started.
            before.putIfAbsent(change.issueKey(), change.before() != null ? change.before() : change.after());
        }
        List<Item> items = new ArrayList<>();
        before.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!sight.projects().projects().contains(IssueKey.projectOf(e.getKey()))) {
                return;
            }
            Optional<DigitalProject> now = projects.find(e.getKey());
            Health was = Health.valueOf(e.getValue());
            // Health runs from on track to critical: a later constant is a worse one.
            if (now.isPresent() && now.get().health().ordinal() > was.ordinal()) {
                items.add(Item.project(e.getKey(), now.get().title(),
                        Message.of("cockpit.preparation.health.note", was.label(), now.get().health().label())));
            }
        });
        return items;
    }
}
