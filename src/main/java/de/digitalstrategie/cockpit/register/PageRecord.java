package de.digitalstrategie.cockpit.register;

import de.digitalstrategie.cockpit.minutes.PageRef;

import java.util.List;

/**
 * What every record kept from a minutes page has, whatever its kind: the shape the register's
 * store, macros, REST resources, exports, the minutes sync and the Jira outbox work with. Each
 * kind's record implements it and adds what only it has.
 *
 * @param <S> the kind's status
 */
public interface PageRecord<S extends Enum<S> & RecordStatus> {
    /** The store's id; 0 before it is stored. */
    long id();

    /** The id of the record's macro on its minutes page: the record's identity there; "" for none. */
    String macroId();

    /** The body's number, e.g. "LK-2026-07". */
    String number();

    String title();

    S status();

    /** The meeting, 0 for none. */
    long meetingId();

    PageRef page();

    /** The Jira keys of the projects it concerns. */
    List<String> projectKeys();

    /** Its macro was removed from the page (records are never deleted). */
    boolean withdrawn();

    boolean isPublic();
}
