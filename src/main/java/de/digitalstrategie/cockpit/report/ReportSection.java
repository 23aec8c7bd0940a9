package de.digitalstrategie.cockpit.report;

import de.digitalstrategie.cockpit.meeting.Sight;
import de.digitalstrategie.cockpit.render.Texts;

/**
 * One part of the quarterly report, read from one register or history. Every row comes from a page
 * or a project in the viewer's {@link Sight}; nothing else is read, shown or counted.
 */
public interface ReportSection {
    /** The section's key: its id on the page, and the i18n key of its heading under {@code cockpit.report.<key>}. */
    String key();

    /**
     * The section over the quarter, in the reader's language.
     *
     * @param zone where the city is: what "within the quarter" means for a change's moment
     */
    ReportTable table(Quarter quarter, Sight sight, Texts texts, java.time.ZoneId zone);
}
