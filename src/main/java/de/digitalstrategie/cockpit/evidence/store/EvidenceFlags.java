package de.digitalstrategie.cockpit.evidence.store;

import de.digitalstrategie.cockpit.evidence.Acknowledgement;
import de.digitalstrategie.cockpit.evidence.EvidenceRules;
import de.digitalstrategie.cockpit.evidence.EvidenceSettings;
import de.digitalstrategie.cockpit.evidence.Flag;
import de.digitalstrategie.cockpit.evidence.Evidence;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The open flags as a viewer may see them: evaluated over the whole portfolio, then only those of
 * the projects in the Jira projects the viewer may browse, each with the acknowledgement of its
 * occurrence, if any.
 */
public class EvidenceFlags {
    private final EvidenceReader reader;
    private final EvidenceRules rules;
    private final EvidenceSettingsStore settings;
    private final Acknowledgements acknowledgements;
    /** @param acknowledgement the latest acknowledgement of this occurrence; null while it has none */
    public record Shown(Flag flag, DigitalProject project, Acknowledgement acknowledgement) {
        public boolean acknowledged() {
            return acknowledgement != null;
        }
    }

    public EvidenceFlags(EvidenceReader reader, EvidenceRules rules, EvidenceSettingsStore settings,
                         Acknowledgements acknowledgements) {
        this.reader = reader;
        this.rules = rules;
        this.settings = settings;
        this.acknowledgements = acknowledgements;
    }

    /** The open flags of the projects in the given Jira projects, in the rules' order. */
    public List<Shown> open(Collection<String> visibleJiraProjects) {
        EvidenceSettings thresholds = settings.load();
        return shown(reader.read(thresholds), thresholds, visibleJiraProjects);
    }

    /** The open flags of one project the caller has found the viewer may see (its profile). */
    public List<Shown> of(String issueKey) {
        EvidenceSettings thresholds = settings.load();
        return shown(reader.read(thresholds, issueKey), thresholds, List.of(IssueKey.projectOf(issueKey)));
    }

    /**
     * The open flags of the projects a page shows, which the caller has found the viewer may see,
     * in the rules' order: evaluated over their own evidence only, in a fixed number of queries.
     */
    public List<Shown> among(List<DigitalProject> shown) {
        EvidenceSettings thresholds = settings.load();
        java.util.Set<String> jiraProjects = shown.stream().map(p -> IssueKey.projectOf(p.issueKey()))
                .collect(java.util.stream.Collectors.toSet());
        // The page's own acknowledgements, and only once a flag is found.
        return shown(reader.read(thresholds, shown), thresholds, jiraProjects,
                () -> acknowledgements.of(shown.stream().map(DigitalProject::issueKey).toList()));
    }

    /** The issue keys of the projects in the given Jira projects that have an open flag (the filter "only flagged"). */
    public java.util.Set<String> flagged(Collection<String> visibleJiraProjects) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        open(visibleJiraProjects).forEach(s -> keys.add(s.flag().issueKey()));
        return keys;
    }

    private List<Shown> shown(Evidence evidence, EvidenceSettings thresholds, Collection<String> visibleJiraProjects) {
        return shown(evidence, thresholds, visibleJiraProjects, acknowledgements::all);
    }

    private List<Shown> shown(Evidence evidence, EvidenceSettings thresholds, Collection<String> visibleJiraProjects,
                              java.util.function.Supplier<List<Acknowledgement>> acknowledged) {
        List<Flag> flags = rules.evaluate(evidence, thresholds);
        java.util.Map<String, DigitalProject> projects = new java.util.HashMap<>();
        evidence.projects().forEach(p -> projects.put(p.issueKey(), p));
        // Most pages show no flag: then no acknowledgement is read either.
        List<Acknowledgement> acks = flags.isEmpty() ? List.of() : acknowledged.get();
        List<Shown> shown = new ArrayList<>();
        for (Flag f : flags) {
            if (!visibleJiraProjects.contains(IssueKey.projectOf(f.issueKey()))) {
                continue;
            }
            Acknowledgement latest = null;
            for (Acknowledgement a : acks) {
                if (a.covers(f)) {
                    latest = a;
                }
            }
            shown.add(new Shown(f, projects.get(f.issueKey()), latest));
        }
        return shown;
    }

    /** The open flag of this rule, project and occurrence, if the viewer may see it: what an acknowledgement names. */
    public Optional<Shown> find(Collection<String> visibleJiraProjects, String rule, String issueKey,
                                String occurrence) {
        return open(visibleJiraProjects).stream().filter(s -> s.flag().rule().name().equals(rule)
                && s.flag().issueKey().equals(issueKey) && s.flag().occurrence().equals(occurrence)).findFirst();
    }
}
