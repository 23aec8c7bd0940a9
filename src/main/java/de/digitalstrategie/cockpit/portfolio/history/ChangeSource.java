package de.digitalstrategie.cockpit.portfolio.history;

import de.digitalstrategie.cockpit.message.Labelled;

/** Where a change of a project came from: Jira, read by the project sync, or an edit in the cockpit. */
public enum ChangeSource implements Labelled {
    JIRA_SYNC, EDIT;

    @Override
    public String labelPrefix() {
        return "cockpit.history.source";
    }
}
