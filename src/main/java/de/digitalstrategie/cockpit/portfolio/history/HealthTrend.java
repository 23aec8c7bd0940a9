package de.digitalstrategie.cockpit.portfolio.history;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many projects of each field of action stood at each health at the end of each of a row of
 * days (e.g. the last day of each month): the portfolio's health over time, counted.
 */
public final class HealthTrend {
    private final List<LocalDate> days;
    /** Per field of action ("" for none): per day, the projects per health (by its ordinal). */
    private final Map<String, int[][]> counts = new TreeMap<>();

    public HealthTrend(List<LocalDate> days) {
        this.days = List.copyOf(days);
    }

    /** Counts a project as it stood at the end of the {@code day}-th day. */
    public void add(int day, DigitalProject then) {
        String field = then.fieldOfActionKey() == null ? "" : then.fieldOfActionKey();
        counts.computeIfAbsent(field, k -> new int[days.size()][Health.values().length])[day][then.health().ordinal()]++;
    }

    public List<LocalDate> days() {
        return days;
    }

    /** The fields of action any project was counted in, by key. */
    public Set<String> fields() {
        return counts.keySet();
    }

    public int count(String field, int day, Health health) {
        int[][] c = counts.get(field);
        return c == null ? 0 : c[day][health.ordinal()];
    }

    public int total(String field, int day) {
        int n = 0;
        for (Health h : Health.values()) {
            n += count(field, day, h);
        }
        return n;
    }
}
