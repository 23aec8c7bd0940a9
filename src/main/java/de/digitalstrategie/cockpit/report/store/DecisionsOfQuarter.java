package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.report.ReportSection;
import de.digitalstrategie.cockpit.report.ReportTable;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The decisions the steering committee took in the quarter's meetings (by the day the register
 * files them under), oldest first: those it voted on, in force or not any more (superseded,
 * revoked), and the motions it rejected; with how far each one in force has been carried out.
 * Motions still pending and those deferred were not decided. Read from the register a page at a
 * time over the viewer's pages only, so a decision on minutes he may not read is neither shown nor
 * counted.
 */
public class DecisionsOfQuarter implements ReportSection {
    static final Set<DecisionStatus> TAKEN = Set.of(DecisionStatus.DECIDED, DecisionStatus.REJECTED,
            DecisionStatus.SUPERSEDED, DecisionStatus.REVOKED);

    private final DecisionStore decisions;
    private final CommitteeStore committee;

    public DecisionsOfQuarter(DecisionStore decisions, CommitteeStore committee) {
        this.decisions = decisions;
        this.committee = committee;
    }

    @Override
    public String key() {
        return "decisions";
    }

    @Override
    public ReportTable table(Quarter quarter, Sight sight, Texts texts, ZoneId zone) {
        RegisterFilter<DecisionStatus, DecisionCriteria> filter = new RegisterFilter<>(quarter.year(), null, TAKEN,
                null, null, false, null);
        Map<Long, String> meetings = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        int offset = 0;
        while (true) {
            RegisterPage<Decision, DecisionStatus> page = decisions.query(new RegisterQuery<>(filter,
                    DecisionSort.DATE, SortOrder.ASC, new PageRequest(offset, PageRequest.MAX_LIMIT)), sight.pages());
            for (Decision d : page.page().items()) {
                LocalDate day = page.dates().get(d.id());
                if (quarter.contains(day)) {
                    String meeting = meetings.computeIfAbsent(d.meetingId(), id -> committee.meeting(id)
                            .map(Meeting::number).orElse(null));
                    rows.add(java.util.Arrays.asList(d.number(), d.title(), meeting, day, texts.plain(d.status()),
                            d.implementable() ? texts.plain(d.implementation()) : null,
                            d.owner().isEmpty() ? null : d.owner(), d.dueDate()));
                }
            }
            if (!page.page().hasNext()) {
                break;
            }
            offset += PageRequest.MAX_LIMIT;
        }
        return new ReportTable(key(), texts.plain("cockpit.report.decisions"), List.of(
                new ExportColumn(texts.plain("cockpit.report.column.number"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.title"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.meeting"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.day"), ColumnType.DATE),
                new ExportColumn(texts.plain("cockpit.report.column.status"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.implementation"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.owner"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.due"), ColumnType.DATE)), rows);
    }
}
