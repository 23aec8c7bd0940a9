package de.digitalstrategie.cockpit.report.store;

import de.digitalstrategie.cockpit.advisory.AdvisoryCriteria;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.CityAnswer;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.report.ReportSection;
import de.digitalstrategie.cockpit.report.ReportTable;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The advisory board's input of the quarter and the city's answers: input received in it, and
 * earlier input the city answered, or told the board about, in it; oldest first, each with where
 * the answer stands, its text and its days. Only input on minutes the viewer may read.
 */
public class AdvisoryOfQuarter implements ReportSection {
    private final AdvisoryStore advisory;

    public AdvisoryOfQuarter(AdvisoryStore advisory) {
        this.advisory = advisory;
    }

    @Override
    public String key() {
        return "advisory";
    }

    @Override
    public ReportTable table(Quarter quarter, Sight sight, Texts texts, ZoneId zone) {
        List<AdvisoryInput> inputs = new ArrayList<>();
        advisory.forEach(RegisterFilter.<AnswerStatus, AdvisoryCriteria>all(), sight.pages(), i -> {
            CityAnswer a = i.answer();
            if (quarter.contains(i.receivedOn()) || quarter.contains(a.answeredOn())
                    || quarter.contains(a.reportedToBoardOn())) {
                inputs.add(i);
            }
        });
        inputs.sort(Comparator.comparing(AdvisoryInput::receivedOn).thenComparing(AdvisoryInput::number));
        List<List<Object>> rows = new ArrayList<>();
        for (AdvisoryInput i : inputs) {
            CityAnswer a = i.answer();
            rows.add(java.util.Arrays.asList(i.number(), i.title(), i.topic().isEmpty() ? null : i.topic(),
                    i.receivedOn(), texts.plain(a.status()), a.text().isEmpty() ? null : a.text(), a.answeredOn(),
                    a.reportedToBoardOn()));
        }
        return new ReportTable(key(), texts.plain("cockpit.report.advisory"), List.of(
                new ExportColumn(texts.plain("cockpit.report.column.number"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.title"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.topic"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.received"), ColumnType.DATE),
                new ExportColumn(texts.plain("cockpit.advisory.status"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.answer"), ColumnType.TEXT),
                new ExportColumn(texts.plain("cockpit.report.column.answered"), ColumnType.DATE),
                new ExportColumn(texts.plain("cockpit.report.column.reported"), ColumnType.DATE)), rows);
    }
}
