package de.digitalstrategie.cockpit.evidence.store;

import com.atlassian.activeobjects.external.ActiveObjects;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionEntity;
import de.digitalstrategie.cockpit.evidence.Evidence;
import de.digitalstrategie.cockpit.evidence.EvidenceRules;
import de.digitalstrategie.cockpit.evidence.EvidenceSettings;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.history.ChangeField;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;
import de.digitalstrategie.cockpit.portfolio.history.store.ProjectHistory;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.register.store.ProjectLinks;
import de.digitalstrategie.cockpit.register.store.RecordEntity;
import net.java.ao.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static de.digitalstrategie.cockpit.store.StoredDates.toDay;

/**
 * Reads the evidence for the whole portfolio in a fixed number of queries, however many projects it
 * has: the projects, the history since the rules need it, the decisions taken with their days, their
 * links to projects, and when the few projects reported completed while open got there; or the
 * same of only the projects a page shows.
 */
public class EvidenceReader {
    private final ActiveObjects ao;
    private final ProjectStore projects;
    private final ProjectHistory history;
    private final ProjectLinks links;
    private final EvidenceRules rules;

    public EvidenceReader(ActiveObjects ao, ProjectStore projects, ProjectHistory history, ProjectLinks links,
                          EvidenceRules rules) {
        this.ao = ao;
        this.projects = projects;
        this.history = history;
        this.links = links;
        this.rules = rules;
    }

    /** The evidence of the whole portfolio. */
    public Evidence read(EvidenceSettings settings) {
        Instant since = rules.readFrom(settings);
        Map<Long, List<String>> linked = links.all(RecordKind.DECISION);
        return evidence(projects.all(), history.allSince(since), since, linked, taken(null));
    }

    /** The evidence of one project (its profile): its own rows only. */
    public Evidence read(EvidenceSettings settings, String issueKey) {
        return read(settings, projects.find(issueKey).map(List::of).orElse(List.<DigitalProject>of()));
    }

    /**
     * The evidence of the given projects only (a profile's, a portfolio page's), in as few queries
     * as the whole portfolio's, however many they are: their history since the rules need it, the
     * decisions about them and when the ones reported completed got there.
     */
    public Evidence read(EvidenceSettings settings, List<DigitalProject> shown) {
        return read(rules.readFrom(settings), shown);
    }

    /** As {@link #read(EvidenceSettings, List)}, with the history read from {@code since} (earlier is fine). */
    public Evidence read(Instant since, List<DigitalProject> shown) {
        if (shown.isEmpty()) {
            return new Evidence(List.of(), List.of(), since, Map.of(), Map.of());
        }
        List<String> keys = shown.stream().map(DigitalProject::issueKey).toList();
        Map<Long, List<String>> linked = links.concerning(RecordKind.DECISION, keys);
        return evidence(shown, history.since(keys, since), since, linked,
                linked.isEmpty() ? Map.of() : taken(List.copyOf(linked.keySet())));
    }

    private Evidence evidence(List<DigitalProject> all, List<ProjectChange> changes, Instant since,
                              Map<Long, List<String>> linked, Map<Long, LocalDate> taken) {
        Map<String, List<LocalDate>> decisions = new HashMap<>();
        linked.forEach((id, keys) -> {
            LocalDate day = taken.get(id);
            if (day != null) {
                keys.forEach(k -> decisions.computeIfAbsent(k, x -> new ArrayList<>()).add(day));
            }
        });
        List<String> completedOpen = all.stream().filter(p -> p.phase() == Phase.COMPLETED && p.status().open())
                .map(DigitalProject::issueKey).toList();
        Map<String, Instant> entered = history.lastChanges(completedOpen, Set.of(ChangeField.PHASE, ChangeField.STATUS));
        return new Evidence(all, changes, since, decisions, entered);
    }

    /**
     * The days of the decisions taken, of all or of the given ids. A decision backs what it concerns
     * from the day of its meeting, whatever became of it later: decided, or since superseded or
     * revoked. What was never taken, or withdrawn, backs nothing.
     */
    private Map<Long, LocalDate> taken(List<Long> ids) {
        Map<Long, LocalDate> taken = new HashMap<>();
        List<Object> params = new ArrayList<>(List.of(DecisionStatus.DECIDED.name(), DecisionStatus.SUPERSEDED.name(),
                DecisionStatus.REVOKED.name(), false));
        String where = DecisionEntity.STATUS + " IN (?, ?, ?) AND " + RecordEntity.WITHDRAWN + " = ?";
        if (ids != null) {
            where += " AND ID IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
            params.addAll(ids);
        }
        ao.stream(DecisionEntity.class, Query.select("ID, " + DecisionEntity.MEETING_DATE).where(where,
                params.toArray()), e -> {
            if (e.getMeetingDate() != null) {
                taken.put((long) e.getID(), toDay(e.getMeetingDate()));
            }
        });
        return taken;
    }
}
