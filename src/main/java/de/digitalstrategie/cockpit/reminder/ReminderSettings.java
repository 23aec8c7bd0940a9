package de.digitalstrategie.cockpit.reminder;

import de.digitalstrategie.cockpit.message.ValidationException;

/**
 * How far ahead and how far back the reminders look.
 *
 * @param dueWithinDays      a decision is reminded of from this many days before its due date (and
 *                           every day once it is overdue)
 * @param unansweredAfterDays an advisory input is reminded of once it has waited longer than this
 *                           for the city's answer
 */
public record ReminderSettings(int dueWithinDays, int unansweredAfterDays) {
    public static final int MAX_DAYS = 365;
    /** Two weeks' notice; a board meets about every quarter, so a month unanswered is long. */
    public static final ReminderSettings DEFAULTS = new ReminderSettings(14, 30);

    public ReminderSettings {
        check(dueWithinDays);
        check(unansweredAfterDays);
    }

    private static void check(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw ValidationException.of("cockpit.reminder.error.days", days, MAX_DAYS);
        }
    }
}
