package de.digitalstrategie.cockpit.macro;

import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.strategy.Direction;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.Indicator;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.Rhythm;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The goals the golden files of {@code strategy-goals} render, beside {@link GoldenData}'s world:
 * one strategy page anyone may view and one only the CDO and {@code leitung-finanzen} may, goals
 * in several statuses, and indicators standing on track, at risk, off track (and overdue) and
 * without data on the sandbox's day, 27 November 2026. Written through the stores.
 */
final class GoldenGoals {
    static final long STRATEGY_PUBLIC = 2301;
    /** Only the CDO and {@code leitung-finanzen} may view it. */
    static final long STRATEGY_RESTRICTED = 2302;
    private static final Instant RECORDED = Instant.parse("2026-11-01T08:00:00Z");

    private GoldenGoals() {
    }

    static void write(Sandbox s) {
        SandboxPage open = s.pages.create(STRATEGY_PUBLIC, "DIGI", 0, "Strategie: Ziele der Verwaltung und Bildung",
                "<p>Ziele.</p>", Set.of(), "page", "cdo");
        SandboxPage closed = s.pages.create(STRATEGY_RESTRICTED, "DIGI", 0, "Strategie: Ziele der Mobilität",
                "<p>Ziele.</p>", Set.of("cdo", "leitung-finanzen"), "page", "cdo");
        GoalStore goals = s.plugin.bean(GoalStore.class);
        goal(goals, open, "ZIEL-VERW-1", "Verwaltungsleistungen online <für alle>", "1", GoalStatus.ADOPTED, "",
                List.of("DIGI-1", "DIGI-3"));
        goal(goals, open, "ZIEL-VERW-2", "Papierlose Verwaltung", "1", GoalStatus.DRAFT, "", List.of());
        goal(goals, open, "ZIEL-BIL-1", "WLAN in allen Schulen", "3", GoalStatus.ACHIEVED,
                "Alle Schulen sind angeschlossen.", List.of("DIGI-5"));
        goal(goals, closed, "ZIEL-MOB-1", "Weniger Parksuchverkehr", "2", GoalStatus.ADOPTED, "",
                List.of("DIGI-2", "DIGI-4", "DIGI-1"));
        Indicators indicators = s.plugin.bean(Indicators.class);
        indicators.applyPage(open.getId(), List.of(
                indicator(open, "VERW-1.1", "ZIEL-VERW-1", "Online beantragbare Leistungen", "%",
                        Direction.HIGHER_IS_BETTER, "20", "2024-12-31", "80", "2027-12-31", Rhythm.QUARTERLY),
                indicator(open, "VERW-1.2", "ZIEL-VERW-1", "Bearbeitungsdauer der Gewerbeanmeldung", "Tage",
                        Direction.LOWER_IS_BETTER, "14", "2024-12-31", "3", "2027-12-31", Rhythm.HALF_YEARLY),
                indicator(open, "VERW-2.1", "ZIEL-VERW-2", "Arbeitsplätze mit E-Akte", "%",
                        Direction.HIGHER_IS_BETTER, "10", "2025-12-31", "100", "2028-12-31", Rhythm.YEARLY),
                indicator(open, "BIL-1.1", "ZIEL-BIL-1", "Schulen mit WLAN", "",
                        Direction.HIGHER_IS_BETTER, "4", "2023-12-31", "20", "2025-12-31", Rhythm.YEARLY)), true);
        indicators.applyPage(closed.getId(), List.of(
                indicator(closed, "MOB-1.1", "ZIEL-MOB-1", "Anteil des Parksuchverkehrs", "%",
                        Direction.LOWER_IS_BETTER, "30", "2025-01-01", "20", "2027-01-01", Rhythm.QUARTERLY)), true);
        List<Measurements.Row> rows = new ArrayList<>();
        values(rows, "VERW-1.1", "2025-03-31", "24", "2025-06-30", "30", "2025-09-30", "36", "2025-12-31", "41",
                "2026-03-31", "47", "2026-06-30", "52", "2026-09-30", "56");
        // Slower than planned, away from the target lately, and the value of September still missing.
        values(rows, "VERW-1.2", "2025-06-30", "13", "2025-12-31", "12", "2026-03-31", "12.5");
        values(rows, "BIL-1.1", "2022-12-31", "2", "2024-12-31", "12", "2025-12-31", "21");
        values(rows, "MOB-1.1", "2025-06-30", "29", "2025-12-31", "28", "2026-06-30", "27.5", "2026-09-30", "23.5");
        s.plugin.bean(Measurements.class).recordAll(rows);
    }

    private static void goal(GoalStore goals, SandboxPage page, String number, String title, String field,
                             GoalStatus status, String reason, List<String> projects) {
        goals.record(new Goal(0, "golden-" + number, number, title, field, "Das Ziel: " + title + ".", status, reason,
                projects, List.of(), ref(page), false, true), LocalDate.of(2026, 2, 1), "page:" + page.getId() + "/v1");
    }

    private static Indicator indicator(SandboxPage page, String key, String goal, String name, String unit,
                                       Direction direction, String baseline, String baselineDate, String target,
                                       String targetDate, Rhythm rhythm) {
        return new Indicator(0, "golden-" + key, key, goal, name, "Gemessen wird: " + name + ".",
                "Zeigt, ob das Ziel erreicht wird.", unit, direction, new BigDecimal(baseline),
                LocalDate.parse(baselineDate), new BigDecimal(target), LocalDate.parse(targetDate), "Demowert",
                "Stabsabteilung Digitalisierung", rhythm, ref(page), false);
    }

    /** Pairs of date and value. */
    private static void values(List<Measurements.Row> rows, String key, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            rows.add(new Measurements.Row(rows.size() + 1, new Measurement(key, new BigDecimal(pairs[i + 1]),
                    LocalDate.parse(pairs[i]), "", "", "cdo", RECORDED)));
        }
    }

    private static PageRef ref(SandboxPage page) {
        return new PageRef(page.getId(), page.getVersion(), page.getSpaceKey(), page.getTitle());
    }
}
