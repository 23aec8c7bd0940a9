package de.digitalstrategie.cockpit.minutes.sync;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A saved (or trashed) minutes page whose records the registers have not taken yet: written by the
 * page-event listener, one new row per event (an insert that cannot conflict with anything), and
 * removed once the page version is recorded. The storage format is kept as it was saved, so every
 * version goes through the workflow in the order it was saved, however late it is worked off, and
 * where the page sat and who saved it are kept as they were at that moment.
 */
@Preload
@Table("MINUTES_PENDING")
public interface PendingPageEntity extends Entity {
    String PAGE_ID = "PAGE_ID";
    String NEXT_ATTEMPT = "NEXT_ATTEMPT";

    @Indexed
    long getPageId();

    void setPageId(long pageId);

    int getPageVersion();

    void setPageVersion(int version);

    String getSpaceKey();

    void setSpaceKey(String spaceKey);

    String getPageTitle();

    void setPageTitle(String title);

    /** The pages above it when it was saved, ids separated by commas (see PageLocation). */
    @StringLength(StringLength.UNLIMITED)
    String getAncestorIds();

    void setAncestorIds(String ids);

    /** Who saved the version: its rights decide whether a status it sets is applied. */
    String getEditorKey();

    void setEditorKey(String userKey);

    /** The page's storage format as saved; empty for a trashed page. */
    @StringLength(StringLength.UNLIMITED)
    String getBody();

    void setBody(String body);

    boolean isTrashed();

    void setTrashed(boolean trashed);

    int getAttempts();

    void setAttempts(int attempts);

    @NotNull
    Date getNextAttempt();

    void setNextAttempt(Date when);

    @StringLength(StringLength.UNLIMITED)
    String getLastError();

    void setLastError(String error);
}
