package de.digitalstrategie.cockpit.strategy;

/** What the goal register sorts by; the first is the default. */
public enum GoalSort {
    NUMBER, TITLE, FIELD, STATUS
}
