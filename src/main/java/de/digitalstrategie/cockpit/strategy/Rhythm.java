package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Labelled;

import java.time.LocalDate;

/** How often an indicator's value is collected. */
public enum Rhythm implements Labelled {
    MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12);

    private final int months;

    Rhythm(int months) {
        this.months = months;
    }

    /** The months between two collections. */
    public int months() {
        return months;
    }

    /** When the next value is due after one measured on {@code last}. */
    public LocalDate nextAfter(LocalDate last) {
        return last.plusMonths(months);
    }

    @Override
    public String labelPrefix() {
        return "cockpit.indicator.rhythm";
    }
}
