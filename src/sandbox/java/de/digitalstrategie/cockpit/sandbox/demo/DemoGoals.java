package de.digitalstrategie.cockpit.sandbox.demo;

import de.digitalstrategie.cockpit.minutes.DemoRecords;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlacesStore;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.sandbox.confluence.PageRepository;
import de.digitalstrategie.cockpit.sandbox.host.Html;
import de.digitalstrategie.cockpit.strategy.Direction;
import de.digitalstrategie.cockpit.strategy.Measurement;
import de.digitalstrategie.cockpit.strategy.Rhythm;
import de.digitalstrategie.cockpit.strategy.store.Measurements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The strategy's goals and indicators for Worms' seven fields of action, as demo values: the fields
 * are the strategy's, every goal, indicator card and measured value is invented for the demo and
 * says so (source „Demowert“, a note on every page). One strategy page per field of action in the
 * strategy places, saved by the CDO and recorded by the page sync as in Confluence, with the
 * {@code strategy-goals} macro for its field; an overview page shows all fields. The values are
 * written through the store of measured values after the cards are recorded, dated relative to the
 * day of seeding, so that whenever the demo starts some indicators are on track, some at risk, some
 * off track, one has no value yet and one is overdue.
 */
public final class DemoGoals {
    static final String SPACE = "STRAT";
    static final String SOURCE = "Demowert";
    static final String RESPONSIBLE = "Stabsabteilung Digitalisierung und E-Government";
    private static final String NOTE = "<p><strong>Demowerte:</strong> Ziele, Indikatoren und Messwerte dieser Seite "
            + "sind für die Demo erfunden, keine Angaben der Stadt Worms. Nur die Handlungsfelder sind die der "
            + "Digitalstrategie.</p>";
    private static final String CDO = "cdo";

    /**
     * An indicator card of the demo and how its values run.
     *
     * @param back    how many years before this one its baseline lies (on 31 December)
     * @param horizon years from baseline to target
     * @param pace    how fast the values follow the line (1: on it; less: behind it)
     * @param scale   decimals of its values
     * @param missing how many of its latest collections are missing (so that it is overdue)
     */
    record Card(String key, String name, String measures, String rationale, String unit, Direction direction,
                String baseline, String target, int back, int horizon, Rhythm rhythm, double pace, int scale,
                int missing) {
    }

    /** A goal of the demo: its field of action (key), its cards, and a reason where it is achieved. */
    record DemoGoal(String field, String number, String title, String text, String status, String reason,
                    List<Card> cards) {
    }

    static final List<DemoGoal> GOALS = List.of(
            new DemoGoal("3.1", "ZIEL-MOB-1", "Fahrgäste digital informieren",
                    "Fahrgäste finden an den Haltestellen und in der App, wann ihr Bus tatsächlich kommt.", "adopted", "",
                    List.of(new Card("MOB-1.1", "Haltestellen mit digitaler Fahrgastinformation",
                            "Zahl der Haltestellen mit Echtzeitanzeige", "Verlässliche Information macht den ÖPNV "
                            + "attraktiver.", "Haltestellen", Direction.HIGHER_IS_BETTER, "14", "60", 4, 5,
                            Rhythm.QUARTERLY, 1.0, 0, 0))),
            new DemoGoal("3.2", "ZIEL-LEB-1", "Beteiligung digital ermöglichen",
                    "Mehr Menschen bringen sich über die Beteiligungsplattform in die Stadtentwicklung ein.", "adopted",
                    "", List.of(new Card("LEB-1.1", "Beiträge auf der Beteiligungsplattform je Halbjahr",
                    "Zahl der Beiträge eines Halbjahres", "Zeigt, ob das Angebot angenommen wird.", "Beiträge",
                    Direction.HIGHER_IS_BETTER, "120", "300", 4, 5, Rhythm.HALF_YEARLY, 0.78, 0, 0))),
            new DemoGoal("3.3", "ZIEL-ENE-1", "Energieverbrauch städtischer Gebäude digital erfassen",
                    "Der Verbrauch der städtischen Gebäude wird laufend gemessen, um ihn senken zu können.", "adopted",
                    "", List.of(new Card("ENE-1.1", "Städtische Gebäude mit digitaler Verbrauchsmessung",
                    "Anteil der Gebäude mit Smart Meter", "Ohne Messung keine gezielte Einsparung.", "%",
                    Direction.HIGHER_IS_BETTER, "10", "80", 4, 5, Rhythm.QUARTERLY, 0.45, 1, 0))),
            new DemoGoal("3.4", "ZIEL-VERW-1", "Verwaltungsleistungen online anbieten",
                    "Bürgerinnen, Bürger und Unternehmen erledigen ihre Anliegen online, ohne Gang ins Rathaus.",
                    "adopted", "", List.of(
                    new Card("VERW-1.1", "Online beantragbare Verwaltungsleistungen",
                            "Anteil der Leistungen mit Online-Antrag", "Der Kern des Onlinezugangsgesetzes.", "%",
                            Direction.HIGHER_IS_BETTER, "15", "80", 4, 5, Rhythm.QUARTERLY, 1.03, 1, 0),
                    new Card("VERW-1.2", "Bearbeitungsdauer digitaler Anträge",
                            "Durchschnittliche Tage vom Eingang bis zum Bescheid", "Online nützt nur, wenn es auch "
                            + "schneller geht.", "Tage", Direction.LOWER_IS_BETTER, "20", "8", 4, 5,
                            Rhythm.HALF_YEARLY, 0.95, 1, 2))),
            new DemoGoal("3.5", "ZIEL-BIL-1", "Schulen digital ausstatten",
                    "Jeder Unterrichtsraum hat WLAN und ein Anzeigegerät.", "adopted", "",
                    List.of(new Card("BIL-1.1", "Unterrichtsräume mit WLAN", "Anteil der Unterrichtsräume mit WLAN",
                            "Voraussetzung für digitalen Unterricht.", "%", Direction.HIGHER_IS_BETTER, "25", "100",
                            4, 5, Rhythm.HALF_YEARLY, 0.85, 1, 0))),
            new DemoGoal("3.6", "ZIEL-WIR-1", "Digitale Angebote für die Wirtschaft",
                    "Unternehmen erledigen Anmeldungen und Genehmigungen digital.", "adopted", "",
                    List.of(new Card("WIR-1.1", "Gewerbeanmeldungen online", "Anteil der online eingegangenen "
                            + "Gewerbeanmeldungen", "Zeigt, ob das Online-Angebot genutzt wird.", "%",
                            Direction.HIGHER_IS_BETTER, "5", "60", 4, 5, Rhythm.QUARTERLY, 1.0, 1, 0))),
            new DemoGoal("3.7", "ZIEL-DIG-1", "Digitale Kompetenzen der Beschäftigten stärken",
                    "Alle Beschäftigten der Verwaltung haben eine Grundschulung in digitaler Arbeit.", "adopted", "",
                    List.of(new Card("DIG-1.1", "Beschäftigte mit Digitalschulung", "Anteil der Beschäftigten mit "
                            + "abgeschlossener Grundschulung", "Digitale Verfahren brauchen Menschen, die sie "
                            + "beherrschen.", "%", Direction.HIGHER_IS_BETTER, "8", "70", 4, 5, Rhythm.YEARLY, 1.0,
                            1, 0))),
            new DemoGoal("3.7", "ZIEL-DIG-2", "Offene Daten bereitstellen",
                    "Die Stadt veröffentlicht ihre Daten offen und maschinenlesbar.", "draft", "",
                    List.of(new Card("DIG-2.1", "Veröffentlichte offene Datensätze", "Zahl der Datensätze im "
                            + "Open-Data-Portal", "Offene Daten schaffen Transparenz und neue Anwendungen.",
                            "Datensätze", Direction.HIGHER_IS_BETTER, "0", "150", 1, 4, Rhythm.HALF_YEARLY, 0, 0, 0))),
            new DemoGoal("3.7", "ZIEL-DIG-3", "Freies WLAN in der Innenstadt",
                    "In der Innenstadt ist kostenloses WLAN verfügbar.", "achieved",
                    "Alle geplanten Zugangspunkte sind in Betrieb (Demowert).",
                    List.of(new Card("DIG-3.1", "Öffentliche WLAN-Zugangspunkte in der Innenstadt",
                            "Zahl der Zugangspunkte in Betrieb", "Freies WLAN belebt die Innenstadt.",
                            "Zugangspunkte", Direction.HIGHER_IS_BETTER, "10", "40", 4, 3, Rhythm.YEARLY, 1.15, 0,
                            0))));

    private final MinutesPlacesStore places;
    private final PageRepository pages;
    private final List<DigitalProject> portfolio;
    private final LocalDate today;

    DemoGoals(MinutesPlacesStore places, PageRepository pages, List<DigitalProject> portfolio, LocalDate today) {
        this.places = places;
        this.pages = pages;
        this.portfolio = portfolio;
        this.today = today;
    }

    /**
     * The strategy pages, as the staff unit keeps them: one per field of action, saved by the CDO
     * (an achieved goal first adopted, then achieved with its reason), and an overview.
     */
    void strategyPages(Map<String, String> fieldNames) {
        // As an administrator would on the admin page, before the first strategy page is written.
        places.save(MinutesPlaces.STRATEGY, new Places(Set.of(SPACE), Set.of()));
        Map<String, List<DemoGoal>> byField = new LinkedHashMap<>();
        GOALS.forEach(g -> byField.computeIfAbsent(g.field(), k -> new ArrayList<>()).add(g));
        byField.forEach((field, goals) -> {
            String name = fieldNames.getOrDefault(field, field);
            String title = "Ziele im Handlungsfeld " + name;
            var page = pages.create(pages.reserveId(), SPACE, 0, title, body(goals, false), Set.of(), "strategy", CDO);
            if (goals.stream().anyMatch(g -> g.status().equals("achieved"))) {
                pages.update(page.getId(), body(goals, true), CDO);
            }
        });
        pages.create(pages.reserveId(), SPACE, 0, "Zielerreichung der Digitalstrategie", NOTE
                + "<p>Alle Ziele der Digitalstrategie je Handlungsfeld: wie weit jeder Indikator auf dem Weg zu seinem "
                + "Zielwert ist, und die Projekte, die den Zielen dienen.</p>" + achievement(null), Set.of(), "strategy",
                CDO);
    }

    /** A field's page; an achieved goal is still adopted in the page's first version ({@code last} false). */
    private String body(List<DemoGoal> goals, boolean last) {
        StringBuilder body = new StringBuilder(NOTE);
        body.append(achievement(goals.get(0).field()));
        for (DemoGoal g : goals) {
            String status = g.status().equals("achieved") && !last ? "adopted" : g.status();
            body.append("<h2>").append(x(g.number() + " " + g.title())).append("</h2>")
                    .append(macro("strategy-goal", g.number(), goal(g, status), "<p>" + x(g.text()) + "</p>"));
            for (Card c : g.cards()) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("key", c.key());
                p.put("goal", g.number());
                p.put("name", c.name());
                p.put("measures", c.measures());
                p.put("rationale", c.rationale());
                p.put("unit", c.unit());
                p.put("direction", c.direction().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                p.put("baseline", c.baseline());
                p.put("baseline-date", baselineDate(c).toString());
                p.put("target", c.target());
                p.put("target-date", targetDate(c).toString());
                p.put("source", SOURCE);
                p.put("responsible", RESPONSIBLE);
                p.put("rhythm", c.rhythm().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                body.append(macro("strategy-indicator", c.key(), p, null));
            }
        }
        return body.toString();
    }

    private Map<String, String> goal(DemoGoal g, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("number", g.number());
        p.put("title", g.title());
        p.put("field", g.field());
        p.put("status", status);
        p.put("reason", status.equals("achieved") ? g.reason() : "");
        p.put("projects", projects(g.field()));
        return p;
    }

    /** The projects of the field that serve its goals: the first three the portfolio lists. */
    private String projects(String field) {
        return portfolio.stream().filter(p -> field.equals(p.fieldOfActionKey())).limit(3)
                .map(DigitalProject::issueKey).collect(Collectors.joining(", "));
    }

    private LocalDate baselineDate(Card c) {
        return LocalDate.of(today.getYear() - c.back(), 12, 31);
    }

    private LocalDate targetDate(Card c) {
        return baselineDate(c).plusYears(c.horizon());
    }

    /**
     * The measured values of every card up to today, one per collection by its rhythm, following
     * the line from baseline to target at the card's pace with a little noise; a card with
     * {@code missing} collections lacks its latest ones. Written as the unit's form or upload
     * writes them, by the CDO.
     */
    void measure(Measurements measurements) {
        List<Measurements.Row> rows = new ArrayList<>();
        Instant recorded = today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (DemoGoal g : GOALS) {
            for (Card c : g.cards()) {
                if (c.pace() == 0) {
                    continue;
                }
                List<LocalDate> days = new ArrayList<>();
                for (LocalDate d = c.rhythm().nextAfter(baselineDate(c)); !d.isAfter(today); d = c.rhythm().nextAfter(d)) {
                    days.add(d);
                }
                days = days.subList(0, Math.max(0, days.size() - c.missing()));
                BigDecimal from = new BigDecimal(c.baseline());
                BigDecimal change = new BigDecimal(c.target()).subtract(from);
                double total = ChronoUnit.DAYS.between(baselineDate(c), targetDate(c));
                for (int i = 0; i < days.size(); i++) {
                    double part = Math.min(1.0, ChronoUnit.DAYS.between(baselineDate(c), days.get(i)) / total) * c.pace();
                    // A little noise, the same every time, so the values look measured rather than drawn.
                    double noise = ((i % 3) - 1) * 0.015;
                    BigDecimal value = from.add(change.multiply(BigDecimal.valueOf(part + noise)))
                            .setScale(c.scale(), RoundingMode.HALF_UP);
                    rows.add(new Measurements.Row(rows.size() + 1, new Measurement(c.key(), value, days.get(i), SOURCE,
                            "Demowert", CDO, recorded)));
                }
            }
        }
        measurements.recordAll(rows);
    }

    private static String achievement(String field) {
        String parameters = field == null ? "" : "<ac:parameter ac:name=\"field\">" + x(field) + "</ac:parameter>";
        return "<ac:structured-macro ac:name=\"strategy-goals\" ac:schema-version=\"1\" ac:macro-id=\""
                + DemoRecords.macroId("strategy-goals" + field) + "\">" + parameters + "</ac:structured-macro>";
    }

    /** @param number the record's number or key: its macro id marks it as demo data ({@link DemoRecords}) */
    private static String macro(String name, String number, Map<String, String> parameters, String body) {
        StringBuilder macro = new StringBuilder("<ac:structured-macro ac:name=\"").append(name)
                .append("\" ac:schema-version=\"1\" ac:macro-id=\"").append(DemoRecords.macroId(number))
                .append("\">");
        parameters.forEach((k, v) -> {
            if (!v.isEmpty()) {
                macro.append("<ac:parameter ac:name=\"").append(k).append("\">").append(x(v)).append("</ac:parameter>");
            }
        });
        if (body != null) {
            macro.append("<ac:rich-text-body>").append(body).append("</ac:rich-text-body>");
        }
        return macro.append("</ac:structured-macro>").toString();
    }

    private static String x(String text) {
        return Html.escape(text);
    }
}
