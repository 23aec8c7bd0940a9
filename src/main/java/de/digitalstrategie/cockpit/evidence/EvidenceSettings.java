package de.digitalstrategie.cockpit.evidence;

import de.digitalstrategie.cockpit.message.ValidationException;

/**
 * The rules' thresholds.
 *
 * @param staleWeeks   a project reported on track counts as not updated after this many weeks without
 *                     a change (in its history or in Jira)
 * @param windowDays   a decision or other change backs a change of health or budget when it lies at
 *                     most this many days before or after it
 * @param lookbackDays changes of health and budget older than this many days are not checked any more
 */
public record EvidenceSettings(int staleWeeks, int windowDays, int lookbackDays) {
    public static final int MAX_WEEKS = 104;
    public static final int MAX_DAYS = 730;
    /**
     * Two months: longer than the steering committee's rhythm of meetings, so a project green
     * through one whole cycle without any change stands out; a month either side of a change
     * covers the meeting before it and the one after; half a year of changes is what the committee
     * still discusses.
     */
    public static final EvidenceSettings DEFAULTS = new EvidenceSettings(8, 30, 180);

    public EvidenceSettings {
        check(staleWeeks, 1, MAX_WEEKS, "cockpit.evidence.error.weeks");
        check(windowDays, 0, MAX_DAYS, "cockpit.evidence.error.days");
        check(lookbackDays, 1, MAX_DAYS, "cockpit.evidence.error.days");
    }

    private static void check(int value, int min, int max, String key) {
        if (value < min || value > max) {
            throw ValidationException.of(key, value, min, max);
        }
    }
}
