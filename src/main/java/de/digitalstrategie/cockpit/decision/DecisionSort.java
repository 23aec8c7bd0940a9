package de.digitalstrategie.cockpit.decision;

import de.digitalstrategie.cockpit.message.Labelled;

/** The columns the decision register sorts by, each with its column in the store. */
public enum DecisionSort implements Labelled {
    NUMBER("DECISION_NUMBER"), DATE("MEETING_DATE"), TITLE("TITLE"), STATUS("STATUS"), OWNER("OWNER"), DUE("DUE_DATE");

    private final String column;

    DecisionSort(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.register.column";
    }
}
