package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.history.ProjectChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the rules read, for the whole portfolio at once.
 *
 * @param projects  the mirrored projects
 * @param changes   every change of the projects' history written at or after {@code since}, in the
 *                  order written
 * @param since     from when {@code changes} is complete
 * @param decisions per issue key, the days of the decisions taken about the project (decided, or
 *                  since superseded or revoked; not withdrawn)
 * @param entered   per issue key of a project reported completed while its issue is open: when its
 *                  phase or status last changed, which identifies that occurrence (absent: never
 *                  changed since it was first mirrored)
 */
public record Evidence(List<DigitalProject> projects, List<ProjectChange> changes, Instant since,
                       Map<String, List<LocalDate>> decisions, Map<String, Instant> entered) {
    public Evidence {
        projects = List.copyOf(projects);
        changes = List.copyOf(changes);
        decisions = Map.copyOf(decisions);
        entered = Map.copyOf(entered);
    }
}
