package de.digitalstrategie.cockpit.portfolio.history.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * One row of a project's history (see {@link ProjectHistory}): rows are only ever added, never
 * changed or removed, not even when the project leaves the mirror.
 */
@Table("PROJECT_CHANGE")
public interface ProjectChangeEntity extends Entity {
    String ISSUE_KEY = "ISSUE_KEY";
    String ISSUE_ID = "ISSUE_ID";
    String CHANGED_AT = "CHANGED_AT";
    String CHANGE_SOURCE = "CHANGE_SOURCE";
    String ACTOR = "ACTOR";
    String FIELD_NAME = "FIELD_NAME";
    String OLD_VALUE = "OLD_VALUE";
    String NEW_VALUE = "NEW_VALUE";
    String LAST_STATE = "LAST_STATE";

    @NotNull
    @Indexed
    String getIssueKey();

    void setIssueKey(String key);

    /** Jira's numeric id where known: follows the project across a move to another key. */
    String getIssueId();

    void setIssueId(String id);

    /** Indexed: the as-of views read every change after a day, the meeting preparation one field's since one. */
    @NotNull
    @Indexed
    Date getChangedAt();

    void setChangedAt(Date at);

    @NotNull
    String getChangeSource();

    void setChangeSource(String source);

    String getActor();

    void setActor(String actor);

    @NotNull
    String getFieldName();

    void setFieldName(String field);

    String getOldValue();

    void setOldValue(String value);

    String getNewValue();

    void setNewValue(String value);

    /**
     * On a removal row only ({@code ChangeField.REMOVED}): the whole project as it stood when it
     * left the portfolio, its title, unit and field of action too, which no other row keeps, so
     * that the days it existed can still show it.
     */
    @StringLength(StringLength.UNLIMITED)
    String getLastState();

    void setLastState(String state);
}
