package de.digitalstrategie.cockpit.register.store;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;

/**
 * The columns every record kept from a minutes page has, in each kind's own table: a kind's entity
 * extends this interface, and Active Objects maps the getters it inherits like its own (as it maps
 * {@code getID()} from {@link Entity}). Only a {@code @Polymorphic} supertype would be a type of its
 * own; this one names no table. The column names are those the tables were created with.
 *
 * <p>An index is the exception: ActiveObjects 0.8.2, the ORM Atlassian's forked from, names the
 * table of an {@code @Indexed} getter's index after the interface that declares the getter, here
 * one that has no table. So each kind's entity declares the indexed getters again, with
 * {@code @Indexed}: the index is then its table's, in either ORM.
 */
public interface RecordEntity extends Entity {
    String MACRO_ID = "MACRO_ID";
    String MEETING_ID = "MEETING_ID";
    String PAGE_ID = "PAGE_ID";
    String WITHDRAWN = "WITHDRAWN";
    String TITLE = "TITLE";
    String PAGE_SEQ = "PAGE_SEQ";

    /** Indexed in each kind's entity: the minutes sync finds a record by its macro's id. */
    String getMacroId();

    void setMacroId(String macroId);

    @NotNull
    String getTitle();

    void setTitle(String title);

    /** Indexed in each kind's entity: a register filters by meeting. */
    long getMeetingId();

    void setMeetingId(long id);

    long getPageId();

    void setPageId(long id);

    /**
     * When the row came to lie on its page, in the order such writes committed (one at a time per
     * kind, {@link RecordStore}): a register read that checked the kind's pages earlier leaves out
     * rows placed later, whose pages it did not check. Null for a row placed before it was kept.
     * Indexed in each kind's entity: the read takes the highest.
     */
    Long getPageSeq();

    void setPageSeq(Long seq);

    int getPageVersion();

    void setPageVersion(int version);

    String getSpaceKey();

    void setSpaceKey(String key);

    String getPageTitle();

    void setPageTitle(String title);

    boolean isWithdrawn();

    void setWithdrawn(boolean withdrawn);

    boolean isPublished();

    void setPublished(boolean published);

    /** The status a page edit claimed but the workflow refused, or empty: shown until resolved. */
    String getStatusConflict();

    void setStatusConflict(String status);

    /**
     * Why the claimed status was not applied: the i18n key of the refusal (the workflow's, or that
     * the page was saved by someone without the right to change it).
     */
    String getStatusConflictReason();

    void setStatusConflictReason(String reasonKey);

    /** What the register's text filter searches, lower-cased (see {@code query.SearchText}). */
    @StringLength(StringLength.UNLIMITED)
    String getSearchText();

    void setSearchText(String text);
}
