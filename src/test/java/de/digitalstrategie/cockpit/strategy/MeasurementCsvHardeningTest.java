package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Files of measured values with bad lines, each kind of fault on every line and two faults at once
 * on random lines: every file is refused whole, nothing of it stored, and every bad line (and no
 * good one) named with its number. Prints its counts as a {@code hardening} line.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class MeasurementCsvHardeningTest {
    private static final PageRef PAGE = new PageRef(7001, 1, "STRAT", "Handlungsfeld Verwaltung");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final int LINES = 20;
    private final StoreFixture store;
    private final Indicators indicators;
    private final Measurements measurements;

    MeasurementCsvHardeningTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
        this.indicators = store.bean(Indicators.class);
        this.measurements = store.bean(Measurements.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Indicator card(String macroId, String key, String unit, String responsible) {
        return new Indicator(0, macroId, key, "ZIEL-VER-1", "Online-Dienste", "", "", unit, Direction.HIGHER_IS_BETTER,
                BigDecimal.ONE, LocalDate.of(2020, 1, 1), BigDecimal.TEN, LocalDate.of(2030, 1, 1), "", responsible,
                Rhythm.MONTHLY, PAGE, false);
    }

    /** A good line: K1 or K3 on a day of its own. */
    private static String good(int i) {
        return (i % 2 == 0 ? "VER-1.1" : "VER-1.3") + ";" + LocalDate.of(2020, 1, 31).plusMonths(i) + ";" + (10 + i)
                + ",5;%;Statistik;Monatswert " + i;
    }

    /** The faults one line can have; {@code i} is the line's index among the data lines. */
    private static List<UnaryOperator<String>> faults() {
        return List.of(
                l -> "VER-9.9" + l.substring(l.indexOf(';')),
                l -> l.replace(";%;", ";Euro;"),
                l -> l.replaceFirst(";20[0-9][0-9]-[0-9][0-9]-[0-9][0-9];", ";gestern;"),
                l -> l.replaceFirst(";(20[0-9][0-9])-[0-9][0-9]-[0-9][0-9];", ";$1-02-30;"),
                l -> l.replaceFirst(";20[0-9][0-9]-", ";2099-"),
                l -> l.replaceFirst(";([0-9]+),5;", ";$1,5x;"),
                l -> l.replaceFirst(";([0-9]+),5;", ";1234567890123456;"),
                l -> l.replaceFirst(";([0-9]+),5;", ";1,1234567;"),
                l -> l.replaceFirst(";20[0-9][0-9]-[0-9][0-9]-[0-9][0-9];", ";2019-12-31;"),
                l -> l + ";zu viel",
                l -> l.replace("Statistik", "\"Statistik"),
                l -> "VER-1.2" + l.substring(l.indexOf(';')));
    }

    @Test
    void everyBadFileIsRefusedWholeWithEveryBadLineNamed() {
        indicators.applyPage(PAGE.pageId(), List.of(card("i1", "VER-1.1", "%", "Organisation"),
                card("i2", "VER-1.2", "%", "Finanzen"), card("i3", "VER-1.3", "%", "Organisation")), true);
        Instant at = Instant.parse("2026-11-27T09:00:00Z");
        // Stored before: the days a duplicate of the store falls on.
        measurements.record(new Measurement("VER-1.1", BigDecimal.ONE, LocalDate.of(2019, 12, 31), "", "", "x", at));
        measurements.record(new Measurement("VER-1.3", BigDecimal.ONE, LocalDate.of(2019, 12, 31), "", "", "x", at));
        Map<String, Indicator> known = indicators.byKeys(List.of("VER-1.1", "VER-1.2", "VER-1.3", "VER-9.9"),
                Set.of(PAGE.pageId()));
        int before = measurements.count();
        List<UnaryOperator<String>> faults = faults();
        List<Map<Integer, UnaryOperator<String>>> files = new ArrayList<>();
        for (int line = 0; line < LINES; line++) {
            for (UnaryOperator<String> fault : faults) {
                files.add(Map.of(line, fault));
            }
        }
        Random random = new Random(14);
        for (int n = 0; n < 200; n++) {
            Map<Integer, UnaryOperator<String>> two = new TreeMap<>();
            while (two.size() < 2) {
                two.put(random.nextInt(LINES), faults.get(random.nextInt(faults.size())));
            }
            files.add(two);
        }
        int tried = 0;
        int refused = 0;
        int imported = 0;
        int unnamed = 0;
        int wronglyNamed = 0;
        int crashed = 0;
        for (Map<Integer, UnaryOperator<String>> file : files) {
            tried++;
            StringBuilder csv = new StringBuilder("indicator;date;value;unit;source;comment\n");
            Set<Integer> bad = new TreeSet<>();
            for (int i = 0; i < LINES; i++) {
                String line = good(i);
                if (file.containsKey(i)) {
                    line = file.get(i).apply(line);
                    bad.add(i + 2);
                }
                csv.append(line).append('\n');
            }
            try {
                MeasurementCsv.Parsed parsed = MeasurementCsv.parse(csv.toString(), known,
                        i -> i.responsibleUnit().equals("Organisation"), TODAY, "statistik", at);
                measurements.recordFile(parsed);
                imported++;
            } catch (MeasurementsRefused e) {
                refused++;
                Set<Integer> named = new TreeSet<>(e.problems().stream().map(RowProblem::line).toList());
                if (!named.containsAll(bad)) {
                    unnamed++;
                }
                if (!bad.containsAll(named)) {
                    wronglyNamed++;
                }
            } catch (RuntimeException e) {
                crashed++;
            }
        }
        // A line repeating another line's indicator and day: the later of the two is named.
        for (int line = 0; line < LINES; line++) {
            tried++;
            int twin = (line + 2) % LINES;
            StringBuilder csv = new StringBuilder("indicator;date;value;unit;source;comment\n");
            for (int i = 0; i < LINES; i++) {
                csv.append(i == line ? good(twin) : good(i)).append('\n');
            }
            try {
                measurements.recordFile(MeasurementCsv.parse(csv.toString(), known,
                        i -> i.responsibleUnit().equals("Organisation"), TODAY, "statistik", at));
                imported++;
            } catch (MeasurementsRefused e) {
                refused++;
                Set<Integer> named = new TreeSet<>(e.problems().stream().map(RowProblem::line).toList());
                if (!named.equals(Set.of(Math.max(line, twin) + 2))) {
                    unnamed++;
                }
            } catch (RuntimeException e) {
                crashed++;
            }
        }
        int stored = measurements.count() - before;
        System.out.printf("hardening measured-value files (CSV): tried %d files, refused %d, imported %d, stored from "
                + "bad files %d, bad lines not named %d, good lines named %d, crashed %d%n", tried, refused, imported,
                stored, unnamed, wronglyNamed, crashed);
        assertEquals(tried, refused, "every bad file refused");
        assertEquals(0, stored, "nothing of a bad file stored");
        assertEquals(0, unnamed);
        assertEquals(0, wronglyNamed);
        assertEquals(0, crashed);
    }
}
