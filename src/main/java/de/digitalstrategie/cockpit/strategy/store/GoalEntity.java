package de.digitalstrategie.cockpit.strategy.store;

import de.digitalstrategie.cockpit.register.store.RecordEntity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * A strategic goal; never deleted, only withdrawn. Its meeting column (from {@link RecordEntity})
 * stays 0: a goal belongs to no meeting.
 */
@Preload
@Table("GOAL")
public interface GoalEntity extends RecordEntity {
    String GOAL_NUMBER = "GOAL_NUMBER";
    String GOAL_STATUS = "GOAL_STATUS";
    String FIELD_OF_ACTION = "FIELD_OF_ACTION";
    String RECORDED_ON = "RECORDED_ON";

    @Override
    @Indexed
    String getMacroId();

    @Override
    @Indexed
    Long getPageSeq();

    @Override
    @Indexed
    long getMeetingId();

    /** Indexed: the goal's pages are read as the distinct pages of this column. */
    @Override
    @Indexed
    long getPageId();

    @NotNull
    @Indexed
    String getGoalNumber();

    void setGoalNumber(String number);

    @NotNull
    @Indexed
    String getGoalStatus();

    void setGoalStatus(String status);

    @NotNull
    @Indexed
    String getFieldOfAction();

    void setFieldOfAction(String key);

    @StringLength(StringLength.UNLIMITED)
    String getDescription();

    void setDescription(String text);

    /** Why it was achieved or dropped. */
    @StringLength(StringLength.UNLIMITED)
    String getStatusReason();

    void setStatusReason(String reason);

    /** The numbers of the decisions that serve it, comma-separated, in the page's order. */
    @StringLength(StringLength.UNLIMITED)
    String getDecisionNumbers();

    void setDecisionNumbers(String numbers);

    /** The day it was first recorded: the day its register files it under. */
    @NotNull
    Date getRecordedOn();

    void setRecordedOn(Date day);
}
