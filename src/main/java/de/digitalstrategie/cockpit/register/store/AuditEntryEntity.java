package de.digitalstrategie.cockpit.register.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/** One step of a record's history (see {@link AuditLog}); rows are only ever added. */
@Preload
@Table("AUDIT_ENTRY")
public interface AuditEntryEntity extends Entity {
    String SUBJECT_TYPE = "SUBJECT_TYPE";
    String SUBJECT_ID = "SUBJECT_ID";

    @NotNull
    String getSubjectType();

    void setSubjectType(String type);

    @Indexed
    long getSubjectId();

    void setSubjectId(long id);

    @NotNull
    String getActor();

    void setActor(String actor);

    @NotNull
    Date getChangedAt();

    void setChangedAt(Date at);

    String getFromState();

    void setFromState(String state);

    @NotNull
    String getToState();

    void setToState(String state);

    @StringLength(StringLength.UNLIMITED)
    String getCommentText();

    void setCommentText(String comment);
}
