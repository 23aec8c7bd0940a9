package de.digitalstrategie.cockpit.advisory;

import de.digitalstrategie.cockpit.message.Labelled;

/** The columns the advisory register sorts by. */
public enum AdvisorySort implements Labelled {
    NUMBER("INPUT_NUMBER"), RECEIVED("RECEIVED_ON"), TITLE("TITLE"), STATUS("ANSWER_STATUS");

    private final String column;

    AdvisorySort(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    @Override
    public String labelPrefix() {
        return "cockpit.advisory.column";
    }
}
