package de.digitalstrategie.cockpit.evidence.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

import java.util.Date;

/** An acknowledged occurrence of a flag: written once, never changed (a later one for the same occurrence wins). */
@Table("EVIDENCE_ACK")
public interface AcknowledgementEntity extends Entity {
    String RULE = "RULE";
    String ISSUE_KEY = "ISSUE_KEY";
    String OCCURRENCE = "OCCURRENCE";
    String ACK_COMMENT = "ACK_COMMENT";
    String ACTOR = "ACTOR";
    String ACKED_AT = "ACKED_AT";

    @NotNull
    String getRule();

    void setRule(String rule);

    @NotNull
    @Indexed
    String getIssueKey();

    void setIssueKey(String key);

    String getOccurrence();

    void setOccurrence(String occurrence);

    @NotNull
    String getAckComment();

    void setAckComment(String comment);

    @NotNull
    String getActor();

    void setActor(String actor);

    @NotNull
    Date getAckedAt();

    void setAckedAt(Date at);
}
