package de.digitalstrategie.cockpit.portfolio.store;

import net.java.ao.Entity;
import net.java.ao.schema.Default;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * The local mirror of one digital project (a Jira issue of the project type). Not preloaded:
 * the portfolio's sums read a few columns of every row, so each query names what it reads.
 */
@Table("PROJECT")
public interface ProjectEntity extends Entity {
    String ISSUE_KEY = "ISSUE_KEY";
    String TITLE = "TITLE";
    String STATUS = "STATUS";
    String PHASE = "PHASE";
    String HEALTH = "HEALTH";
    String DEPARTMENT_KEY = "DEPARTMENT_KEY";
    String FIELD_OF_ACTION_KEY = "FIELD_OF_ACTION_KEY";
    String JIRA_PROJECT = "JIRA_PROJECT";
    String ISSUE_ID = "ISSUE_ID";
    String BUDGET_CENTS = "BUDGET_CENTS";
    String FUNDING_CENTS = "FUNDING_CENTS";
    String END_DATE = "END_DATE";
    String PUBLISHED = "PUBLISHED";

    @NotNull
    @Indexed
    String getIssueKey();

    void setIssueKey(String key);

    @NotNull
    String getTitle();

    void setTitle(String title);

    @StringLength(StringLength.UNLIMITED)
    String getDescription();

    void setDescription(String text);

    @StringLength(StringLength.UNLIMITED)
    String getGoals();

    void setGoals(String text);

    @StringLength(StringLength.UNLIMITED)
    String getParticipants();

    void setParticipants(String text);

    String getOwners();

    void setOwners(String text);

    @StringLength(StringLength.UNLIMITED)
    String getRisks();

    void setRisks(String text);

    @StringLength(StringLength.UNLIMITED)
    String getFundingSource();

    void setFundingSource(String text);

    Date getStartDate();

    void setStartDate(Date date);

    /** Indexed: a portfolio view counts the open projects ending between two days (see PortfolioSums). */
    @Indexed
    Date getEndDate();

    void setEndDate(Date date);

    long getBudgetCents();

    void setBudgetCents(long cents);

    long getFundingCents();

    void setFundingCents(long cents);

    @NotNull
    String getStatus();

    void setStatus(String status);

    @NotNull
    String getPhase();

    void setPhase(String phase);

    @NotNull
    String getHealth();

    void setHealth(String health);

    @Indexed
    String getDepartmentKey();

    void setDepartmentKey(String key);

    @Indexed
    String getFieldOfActionKey();

    void setFieldOfActionKey(String key);

    /** Jira's numeric issue id: stays when an issue moves and gets a new key. */
    @Indexed
    String getIssueId();

    void setIssueId(String id);

    /** The Jira project the issue belongs to: what Jira's browse permission is granted on. */
    @Indexed
    String getJiraProject();

    void setJiraProject(String key);

    Date getJiraUpdated();

    void setJiraUpdated(Date updated);

    /**
     * Whether the city publishes the project's profile to anyone (the public profile, its feed and
     * JSON); set in the cockpit, never by Jira, so the sync leaves it alone. Not public by default.
     */
    @Default("false")
    @Indexed
    boolean isPublished();

    void setPublished(boolean published);

    /** What the register's text filter searches, lower-cased (see {@code query.SearchText}). */
    @StringLength(StringLength.UNLIMITED)
    String getSearchText();

    void setSearchText(String text);
}
