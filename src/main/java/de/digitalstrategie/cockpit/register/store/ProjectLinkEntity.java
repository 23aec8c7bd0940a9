package de.digitalstrategie.cockpit.register.store;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/**
 * "This record concerns that project": one row per pair, so the register can
 * be filtered by project and a project profile can list what concerns it with one query.
 */
@Preload
@Table("PROJECT_LINK")
public interface ProjectLinkEntity extends Entity {
    String SUBJECT_TYPE = "SUBJECT_TYPE";
    String SUBJECT_ID = "SUBJECT_ID";
    String ISSUE_KEY = "ISSUE_KEY";

    @NotNull
    String getSubjectType();

    void setSubjectType(String type);

    @Indexed
    long getSubjectId();

    void setSubjectId(long id);

    @NotNull
    @Indexed
    String getIssueKey();

    void setIssueKey(String key);
}
