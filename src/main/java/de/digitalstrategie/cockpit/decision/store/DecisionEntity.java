package de.digitalstrategie.cockpit.decision.store;

import de.digitalstrategie.cockpit.register.store.RecordEntity;
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
 * index answers that count from the index alone, without visiting the (wide) rows, the placement
 * the count is bounded by ({@link RecordEntity#getPageSeq}) included.
 */
@Preload
@Table("DECISION")
@Indexes(@Index(name = "status_withdrawn_page_seq", methodNames = {"getStatus", "isWithdrawn", "getPageId",
        "getPageSeq"}))
public interface DecisionEntity extends RecordEntity {
    String DECISION_NUMBER = "DECISION_NUMBER";
    String STATUS = "STATUS";
    String MEETING_DATE = "MEETING_DATE";
    String SUCCESSOR = "SUCCESSOR";
    String IMPLEMENTATION = "IMPLEMENTATION";

    @Override
    @Indexed
    String getMacroId();

    @Override
    @Indexed
    long getMeetingId();

    @Override
    @Indexed
    Long getPageSeq();

    @NotNull
    @Indexed
    String getDecisionNumber();

    void setDecisionNumber(String number);

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

    /** The date of the meeting that took the decision, copied here so the register can filter by year. */
    @Indexed
    Date getMeetingDate();

    void setMeetingDate(Date date);

    /**
     * How far a decided decision has been carried out (an {@code ImplementationState}'s name).
     * Null in rows written before the column existed: Active Objects adds the column on its own,
     * and such a decision reads as open.
     */
    String getImplementation();

    void setImplementation(String state);

    /** The key of the decision's Jira issue, whose status category the implementation follows; "" or null for none. */
    String getJiraIssue();

    void setJiraIssue(String key);
}
