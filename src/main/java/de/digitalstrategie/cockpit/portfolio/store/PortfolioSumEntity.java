package de.digitalstrategie.cockpit.portfolio.store;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.Table;

/**
 * What the projects of one group add up to: one row per Jira project and combination of the values
 * the portfolio filters and groups by (field of action, department, phase, status, health), written
 * with the mirror in the same transaction. A view sums the few rows its filter selects instead of
 * reading every project's wide row; the Jira project is part of the key so that a viewer's sums
 * cover only the Jira projects the viewer may browse. The columns are named as the project's, so
 * one filter selects both.
 */
@Table("PORTFOLIO_SUM")
public interface PortfolioSumEntity extends Entity {
    String PROJECTS = "PROJECTS";
    String OVERDUE = "OVERDUE";

    @NotNull
    @Indexed
    String getJiraProject();

    void setJiraProject(String key);

    String getFieldOfActionKey();

    void setFieldOfActionKey(String key);

    String getDepartmentKey();

    void setDepartmentKey(String key);

    @NotNull
    String getPhase();

    void setPhase(String phase);

    @NotNull
    String getStatus();

    void setStatus(String status);

    @NotNull
    String getHealth();

    void setHealth(String health);

    int getProjects();

    void setProjects(int projects);

    long getBudgetCents();

    void setBudgetCents(long cents);

    long getFundingCents();

    void setFundingCents(long cents);

    /**
     * Open projects of the group whose end lies before the day the stamp names
     * ({@link PortfolioStampEntity#getOverdueBefore()}); a view corrects it to its own day.
     */
    int getOverdue();

    void setOverdue(int overdue);
}
