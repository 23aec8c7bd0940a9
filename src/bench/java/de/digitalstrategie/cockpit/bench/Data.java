package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's data, generated deterministically from a row's number: the same project number
 * always has the same profile, whether it reaches the store through the Jira double and a sync
 * (10,000) or by bulk insert (100,000).
 */
final class Data {
    /** "Today" for every view: the fixed clock of the tests. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static final String[] WORDS = ("Digitalisierung Bürgerservice Onlinezugang E-Akte Schulen WLAN Glasfaser "
            + "Sensorik Parkraum Verkehrsdaten Open-Data Geoportal Terminvergabe Förderantrag Bauantrag Wohngeld "
            + "Stadtbibliothek Müllabfuhr Straßenbeleuchtung Ratsinformationssystem Videokonferenz Schnittstelle "
            + "Datenplattform Barrierefreiheit Nachhaltigkeit Klimaschutz Tourismus Einzelhandel Ehrenamt Feuerwehr")
            .split(" ");
    private static final String[] PHASE_NAMES = {"Idee", "Planung", "Umsetzung", "Betrieb", "Abgeschlossen"};
    private static final String[] HEALTH_NAMES = {"grün", "gelb", "rot"};

    private Data() {
    }

    /** A project profile as the city would fill it in; Jira's statuses are not in the double, so it has none. */
    record Project(int number, String title, String description, String goals, String participants, String risks,
                   String fundingSource, LocalDate start, LocalDate end, long budgetCents, long fundingCents,
                   Phase phase, Health health, String departmentKey, String departmentName, String fieldKey) {

        String phaseName() {
            return PHASE_NAMES[phase.ordinal()];
        }

        String healthName() {
            return HEALTH_NAMES[health.ordinal()];
        }
    }

    static Project project(int number, List<FieldOfAction> fields, List<Department> departments) {
        SplittableRandom r = new SplittableRandom(0x5eed_0000L + number);
        String title = "Digitalprojekt " + number + ": " + words(r, 3 + r.nextInt(4));
        int p = r.nextInt(100);
        Phase phase = p < 10 ? Phase.IDEA : p < 35 ? Phase.PLANNING : p < 70 ? Phase.IMPLEMENTATION
                : p < 90 ? Phase.OPERATION : Phase.COMPLETED;
        int h = r.nextInt(100);
        Health health = h < 70 ? Health.GREEN : h < 90 ? Health.AMBER : Health.RED;
        // A few departments carry most projects, as in a real administration.
        Department department = departments.get(Math.min(departments.size() - 1,
                (int) Math.floor(Math.pow(r.nextDouble(), 2.2) * departments.size())));
        FieldOfAction field = fields.get(r.nextInt(fields.size()));
        LocalDate start = LocalDate.of(2021, 1, 1).plusDays(r.nextInt(6 * 365));
        LocalDate end = start.plusDays(180 + r.nextInt(4 * 365));
        long budget = (10_000 + r.nextLong(5_000_000)) * 100 + r.nextInt(100);
        long funding = r.nextInt(3) == 0 ? 0 : budget * r.nextInt(60) / 100;
        return new Project(number, title, sentences(r, 4), sentences(r, 2), words(r, 8), sentences(r, 2),
                r.nextBoolean() ? "Land Rheinland-Pfalz, Förderprogramm Digitale Kommune" : "",
                start, end, budget, funding, phase, health, department.key(), department.name(), field.key());
    }

    private static String words(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static String sentences(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String sentence = words(r, 8 + r.nextInt(10));
            s.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length()).append(". ");
        }
        return s.toString().strip();
    }
}
