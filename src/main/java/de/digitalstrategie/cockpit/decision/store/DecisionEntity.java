package de.digitalstrategie.cockpit.decision.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A steering-committee decision in the register; never deleted, only withdrawn. The register
 * counts the decisions of a status on the pages a viewer may see on every view: the composite
 * index answers that count from the index alone, without visiting the (wide) rows.
 */
@Preload
@Table("DECISION")
@Indexes(@Index(name = "status_withdrawn_page", methodNames = {"getStatus", "isWithdrawn", "getPageId"}))
public interface DecisionEntity extends Entity {
    String MACRO_ID = "MACRO_ID";
    String DECISION_NUMBER = "DECISION_NUMBER";
    String STATUS = "STATUS";
    String MEETING_ID = "MEETING_ID";
    String DUE_DATE = "DUE_DATE";
    String WITHDRAWN = "WITHDRAWN";
    String PAGE_ID = "PAGE_ID";
    String MEETING_DATE = "MEETING_DATE";
    String OWNER = "OWNER";
    String SUCCESSOR = "SUCCESSOR";
    String TITLE = "TITLE";

    @Indexed
    String getMacroId();

    void setMacroId(String macroId);

    @NotNull
    @Indexed
    String getDecisionNumber();

    void setDecisionNumber(String number);

    @NotNull
    String getTitle();

    void setTitle(String title);

    @StringLength(StringLength.UNLIMITED)
    String getDecisionText();

    void setDecisionText(String text);

    @NotNull
    @Indexed
    String getStatus();

    void setStatus(String status);

    /** "for/against/abstentions", or empty while no vote has been taken. */
    String getVote();

    void setVote(String vote);

    @Indexed
    long getMeetingId();

    void setMeetingId(long id);

    long getAgendaItemId();

    void setAgendaItemId(long id);

    String getOwner();

    void setOwner(String owner);

    Date getDueDate();

    void setDueDate(Date due);

    /** Indexed: the register looks up which decisions name those on its page as replaced. */
    @Indexed
    String getSuccessor();

    void setSuccessor(String number);

    long getPageId();

    void setPageId(long id);

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

    /** The date of the meeting that took the decision, copied here so the register can filter by year. */
    @Indexed
    Date getMeetingDate();

    void setMeetingDate(Date date);

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
