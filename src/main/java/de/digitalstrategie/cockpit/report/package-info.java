/**
 * The quarterly report for the council: one quarter of the strategy's implementation, as one
 * workbook (XLSX, a sheet per section) and as one printable page, both built from the same
 * {@link de.digitalstrategie.cockpit.report.ReportSection}s so that the file and the page never
 * differ.
 *
 * <p>{@link de.digitalstrategie.cockpit.report.QuarterlyReports} asks once what the viewer may see
 * (the minutes pages and the projects) and then each section for its table over the
 * {@link de.digitalstrategie.cockpit.report.Quarter}; the sections are the list
 * given to {@code quarterlyReports} in plugin-context.xml, in the order the report shows them. A
 * new part of the report is one more section there: a class that reads its own store, not a change
 * of the page or the file.
 *
 * <p>Layers: {@code store} holds the sections, each reading one register or history through its
 * store and only over the pages and projects the viewer may see; {@code web} serves the page and
 * the file. May use {@code access}, {@code committee}, {@code export}, {@code meeting} (the
 * viewer's {@link de.digitalstrategie.cockpit.meeting.Sight}), the registers' and the
 * portfolio's stores and its history, {@code strategy} (the achievement of goals and its export
 * table), {@code organisation}, {@code render}, {@code message}.
 */
package de.digitalstrategie.cockpit.report;
