package de.digitalstrategie.cockpit.portfolio.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/**
 * "This project waits for that one": mirrored from Jira's "is blocked by" links, one row per pair,
 * so the roadmap can show what a project depends on and whether that ends in time.
 */
@Table("PROJECT_DEPENDENCY")
public interface ProjectDependencyEntity extends Entity {
    String ISSUE_KEY = "ISSUE_KEY";
    String BLOCKED_BY = "BLOCKED_BY";

    @NotNull
    @Indexed
    String getIssueKey();

    void setIssueKey(String key);

    @NotNull
    String getBlockedBy();

    void setBlockedBy(String key);
}
