package de.digitalstrategie.cockpit.portfolio;

import de.digitalstrategie.cockpit.message.Labelled;

/** The columns the portfolio table sorts by. */
public enum PortfolioSort implements Labelled {
    KEY("ISSUE_KEY"), TITLE("TITLE"), PHASE("PHASE"), STATUS("STATUS"), HEALTH("HEALTH"), BUDGET("BUDGET_CENTS"),
    FUNDING("FUNDING_CENTS"), START("START_DATE"), END("END_DATE");

    private final String column;

    PortfolioSort(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.portfolio.column";
    }
}
