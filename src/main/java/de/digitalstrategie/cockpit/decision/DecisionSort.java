package de.digitalstrategie.cockpit.decision;

/** What the decision register sorts by; the first is the default. */
public enum DecisionSort {
    NUMBER, DATE, TITLE, STATUS, OWNER, DUE
}
