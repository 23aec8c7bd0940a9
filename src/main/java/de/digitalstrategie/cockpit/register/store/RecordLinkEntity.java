package de.digitalstrategie.cockpit.register.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/**
 * "This record takes up that record of another kind" (a decision the advisory input it answers):
 * one row per pair. The target is kept by its number, as the page names it, so a decision may name
 * input recorded later, and whether the viewer may see the target is decided when it is read.
 */
@Preload
@Table("RECORD_LINK")
public interface RecordLinkEntity extends Entity {
    String SUBJECT_TYPE = "SUBJECT_TYPE";
    String SUBJECT_ID = "SUBJECT_ID";
    String TARGET_TYPE = "TARGET_TYPE";
    String TARGET_NUMBER = "TARGET_NUMBER";

    @NotNull
    String getSubjectType();

    void setSubjectType(String type);

    @Indexed
    long getSubjectId();

    void setSubjectId(long id);

    @NotNull
    String getTargetType();

    void setTargetType(String type);

    @NotNull
    @Indexed
    String getTargetNumber();

    void setTargetNumber(String number);
}
