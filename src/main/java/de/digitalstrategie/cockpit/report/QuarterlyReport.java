package de.digitalstrategie.cockpit.report;

import java.time.Instant;
import java.util.List;

/**
 * A quarterly report as one viewer may see it.
 *
 * @param made      when it was made (the plugin's clock): the date the file and the page carry
 * @param unchecked how many Jira projects Jira has not yet answered for the viewer; while any, the
 *                  project sections are short by their issues and the page says so
 */
public record QuarterlyReport(Quarter quarter, Instant made, List<ReportTable> tables, int unchecked) {
    public QuarterlyReport {
        tables = List.copyOf(tables);
    }
}
