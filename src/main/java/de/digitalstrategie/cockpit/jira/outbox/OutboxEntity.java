package de.digitalstrategie.cockpit.jira.outbox;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A record that must reach Jira (again): written in the same transaction as the record itself,
 * removed never. Delivered entries stay, to remember the Jira issue and to be re-queued on change.
 */
@Preload
@Table("OUTBOX")
public interface OutboxEntity extends Entity {
    String RECORD_TYPE = "RECORD_TYPE";
    String RECORD_ID = "RECORD_ID";
    String STATE = "STATE";
    String NEXT_ATTEMPT = "NEXT_ATTEMPT";
    String JIRA_KEY = "JIRA_KEY";
    String JIRA_ID = "JIRA_ID";
    String ISSUE_REF = "ISSUE_REF";

    @NotNull
    String getRecordType();

    void setRecordType(String type);

    @Indexed
    long getRecordId();

    void setRecordId(long id);

    /** PENDING until Jira has the current state of the record, then DELIVERED. */
    @NotNull
    @Indexed
    String getState();

    void setState(String state);

    int getAttempts();

    void setAttempts(int attempts);

    Date getNextAttempt();

    void setNextAttempt(Date when);

    String getJiraKey();

    void setJiraKey(String key);

    /**
     * Jira's id of the issue the outbox made for the record: what reading back from Jira matches
     * on. Unlike the key it stays when the issue moves to another project, and unlike the label
     * nobody who may edit issues can copy it onto another one. Null for an entry delivered before
     * ids were kept, until {@link DecisionStateSync} resolves its key once.
     */
    @Indexed
    String getJiraId();

    void setJiraId(String id);

    /**
     * The secret part of the label the outbox gives the issue it creates for the record, made
     * before Jira is first asked: a retry after a crash between "created in Jira" and "noted
     * here" finds that issue by it. Unlike the record's public label, nobody can put it on an issue
     * of their own before the outbox's issue exists, so a planted issue is never adopted.
     */
    String getIssueRef();

    void setIssueRef(String ref);

    @StringLength(StringLength.UNLIMITED)
    String getLastError();

    void setLastError(String error);

    Date getDeliveredAt();

    void setDeliveredAt(Date when);
}
