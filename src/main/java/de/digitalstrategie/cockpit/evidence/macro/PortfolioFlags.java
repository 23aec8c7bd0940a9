package de.digitalstrategie.cockpit.evidence.macro;

import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags in the portfolio: a marker on each flagged project of the page shown, and which
 * projects are flagged at all (the filter "only flagged"). The marker is today's verdict, the
 * same for everyone who may see the project; the staff unit's comments stay in the list.
 */
public class PortfolioFlags {
    private final EvidenceFlags flags;
    private final Clock clock;

    /** What a marker shows: how many flags, and each with its reason and state. */
    public record Marker(String summaryHtml, List<FlagRows.Row> rows) {
    }

    public PortfolioFlags(EvidenceFlags flags, Clock clock) {
        this.flags = flags;
        this.clock = clock;
    }

    /**
     * The markers of the projects a page shows, which the caller has found the viewer may see, per
     * issue key; a project without flags has none. Read for these projects only, in a fixed number
     * of queries however many rows the page has.
     */
    public Map<String, Marker> markers(List<DigitalProject> shown, Texts t, Formats f) {
        Map<String, List<FlagRows.Row>> rows = new LinkedHashMap<>();
        for (EvidenceFlags.Shown s : flags.among(shown)) {
            rows.computeIfAbsent(s.flag().issueKey(), k -> new ArrayList<>())
                    .add(FlagRows.row(s, t, f, clock.getZone(), false));
        }
        Map<String, Marker> markers = new HashMap<>();
        rows.forEach((key, list) -> markers.put(key, new Marker(
                Html.text(t.plain("cockpit.portfolio.flags.summary", list.size())), List.copyOf(list))));
        return markers;
    }

    /** The issue keys of the flagged projects in the Jira projects the viewer may browse. */
    public Set<String> flagged(Collection<String> visibleJiraProjects) {
        return flags.flagged(visibleJiraProjects);
    }
}
