package de.digitalstrategie.cockpit.register;

import de.digitalstrategie.cockpit.message.Message;

import java.time.LocalDate;

/**
 * What one record macro on a saved minutes page asks of its register.
 *
 * @param record    the record as the page says it is, in the status the page claims for it
 * @param date      the day the register files it under (the meeting's, or the one the macro names)
 * @param mayChange whether the page's saver may change the record's status (the role, as over REST)
 * @param actor     who the audit trail names: the page and its version
 */
public record PageEdit<R>(R record, LocalDate date, boolean mayChange, String actor) {
    /** The reason a page's status claim was not applied when its saver lacks the role. */
    public static final String NO_ROLE = "cockpit.sync.error.no-role";
    /** The audit trail's comment on a status change a page made. */
    public static final String COMMENT = "page edit";

    /**
     * What the edit did.
     *
     * @param created  the record is new
     * @param restored it had been withdrawn and its macro is back
     * @param changed  its status moved to the page's
     * @param refusal  why the page's status was not applied, or null
     */
    public record Outcome(boolean created, boolean restored, boolean changed, Message refusal) {
    }
}
