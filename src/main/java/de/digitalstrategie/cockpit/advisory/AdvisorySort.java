package de.digitalstrategie.cockpit.advisory;

/** What the advisory register sorts by; the first is the default. */
public enum AdvisorySort {
    NUMBER, RECEIVED, TITLE, STATUS
}
