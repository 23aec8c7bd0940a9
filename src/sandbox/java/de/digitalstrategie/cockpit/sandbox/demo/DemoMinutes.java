package de.digitalstrategie.cockpit.sandbox.demo;

import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.minutes.DemoRecords;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.sandbox.confluence.PageRepository;
import de.digitalstrategie.cockpit.sandbox.host.Html;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the demo's minutes pages in storage format and publishes them version by version, as the
 * secretary (who may change what they record) does, in the bodies' minutes spaces: first the agenda with the motions, then the outcome after the vote, later the
 * supersession. Each save goes through the plugin's page listener into the registers.
 */
final class DemoMinutes {
    /** The space of the overview pages; the minutes live in the bodies' own spaces (see {@link WormsDemo}). */
    static final String SPACE = "DIGI";
    private static final List<String> THEMES = List.of("Projektauftrag", "Budgetfreigabe", "Priorisierung",
            "Meilensteinplan", "Betriebsübergabe", "Ausschreibung");
    /** The statuses the demo shows, in turn: every state of the workflow occurs. */
    private static final List<DecisionStatus> PLAN = List.of(DecisionStatus.DECIDED, DecisionStatus.DECIDED,
            DecisionStatus.SUPERSEDED, DecisionStatus.DECIDED, DecisionStatus.REJECTED, DecisionStatus.DEFERRED,
            DecisionStatus.REVOKED, DecisionStatus.DECIDED, DecisionStatus.READY_FOR_VOTE, DecisionStatus.PROPOSED);
    private static final List<AnswerStatus> ANSWERS = List.of(AnswerStatus.IMPLEMENTED, AnswerStatus.ADOPTED,
            AnswerStatus.PARTLY_ADOPTED, AnswerStatus.DECLINED, AnswerStatus.UNDER_REVIEW, AnswerStatus.RECEIVED);
    private static final List<String> TOPICS = List.of("Künstliche Intelligenz in der Verwaltung", "Open Data",
            "Smart City und Sensorik", "Digitale Teilhabe älterer Menschen", "Informationssicherheit",
            "Digitale Bildung", "Interkommunale Zusammenarbeit", "Nachhaltige IT");
    private static final List<Set<Sector>> SECTORS = List.of(EnumSet.of(Sector.WISSENSCHAFT), EnumSet.of(Sector.WIRTSCHAFT),
            EnumSet.of(Sector.KOMMUNEN), EnumSet.of(Sector.GESELLSCHAFT),
            EnumSet.of(Sector.WIRTSCHAFT, Sector.WISSENSCHAFT), EnumSet.of(Sector.KOMMUNEN, Sector.GESELLSCHAFT));

    private final CommitteeStore committee;
    private final PageRepository pages;
    private final List<DigitalProject> portfolio;
    private final LocalDate today;

    DemoMinutes(CommitteeStore committee, PageRepository pages, List<DigitalProject> portfolio, LocalDate today) {
        this.committee = committee;
        this.pages = pages;
        this.portfolio = portfolio;
        this.today = today;
    }

    /** A decision on a minutes page and the statuses it shows in the page's successive versions. */
    private record Motion(String number, String title, String text, List<String> projects, String owner, LocalDate due,
                          List<DecisionStatus> path, String vote, String successor, List<String> inputs) {
        DecisionStatus at(int version) {
            return path.get(Math.min(version, path.size() - 1));
        }
    }

    private record Input(String number, String title, String text, String topic, Set<Sector> sectors,
                         List<String> projects, List<AnswerStatus> path, String answer, LocalDate reported) {
        AnswerStatus at(int version) {
            return path.get(Math.min(version, path.size() - 1));
        }
    }

    void steeringCommittee() {
        LocalDate first = today.minusMonths(21).withDayOfMonth(12);
        int number = 0;
        for (int m = 0; m < 8; m++) {
            LocalDate date = first.plusMonths(3L * m);
            int seq = m % 4 + 1;
            String meetingNumber = "LK " + date.getYear() + "/" + seq;
            List<Motion> motions = new ArrayList<>();
            int items = m < 6 ? 4 : 5;
            for (int t = 1; t <= items; t++) {
                number++;
                DigitalProject project = portfolio.get((number * 7) % portfolio.size());
                String theme = THEMES.get(number % THEMES.size());
                DecisionStatus target = m >= 6 && t >= 4 ? (t == 4 ? DecisionStatus.READY_FOR_VOTE
                        : DecisionStatus.PROPOSED) : PLAN.get(number % PLAN.size());
                String decisionNumber = "LK-" + date.getYear() + "-" + String.format("%02d", number);
                motions.add(new Motion(decisionNumber, theme + " „" + shortTitle(project) + "“",
                        "Der Lenkungskreis beschließt: " + theme + " für das Projekt „" + project.title()
                                + "“ (Demo-Beschluss).",
                        List.of(project.issueKey(), portfolio.get((number * 11) % portfolio.size()).issueKey()),
                        owner(number, project),
                        date.plusMonths(3 + number % 6), path(target), target == DecisionStatus.REJECTED ? "3/6/1"
                        : (7 + number % 3) + "/" + (number % 2) + "/" + (number % 3), nextNumber(decisionNumber),
                        takenUp(date, t)));
            }
            // The last meeting's minutes are confidential: only the committee's members may read them.
            Set<String> restricted = m == 7 ? DemoPeople.ALL.stream().filter(p -> p.steering() != null)
                    .map(DemoPeople.Person::key).collect(Collectors.toSet()) : Set.of();
            publishSteering(meetingNumber, date, seq, motions, restricted);
        }
    }

    /**
     * Who carries a demo decision out: every fourth one of the units two demo committee members
     * manage (so that they set its implementation themselves), the others the project's owners.
     */
    private static String owner(int number, DigitalProject project) {
        return switch (number % 4) {
            case 1 -> "Finanzen";
            case 2 -> "Innere Verwaltung";
            default -> project.profile().owners().isEmpty() ? "Stabsabteilung"
                    : shorten(project.profile().owners(), 80);
        };
    }

    /** The board's meetings: the day of each, and how many inputs it gave (see {@link #advisoryBoard}). */
    private LocalDate boardMeeting(int m) {
        return today.minusMonths(18).withDayOfMonth(20).plusMonths(5L * m);
    }

    private String boardNumber(int m) {
        return "BR " + boardMeeting(m).getYear() + "/" + (m % 2 + 1);
    }

    private static int inputsOf(int m) {
        return m == 3 ? 3 : 5;
    }

    /**
     * What a motion takes up of the board's input: the first two motions of a meeting take up input
     * of the board's latest meeting before it, the first one input, the second two more.
     */
    private List<String> takenUp(LocalDate date, int t) {
        int latest = -1;
        for (int m = 0; m < 4; m++) {
            if (boardMeeting(m).isBefore(date)) {
                latest = m;
            }
        }
        if (latest < 0 || t > 2) {
            return List.of();
        }
        int before = 0;
        for (int m = 0; m < latest; m++) {
            before += inputsOf(m);
        }
        String prefix = "BR-" + boardMeeting(latest).getYear() + "-";
        List<String> numbers = new ArrayList<>();
        for (int i = t == 1 ? 1 : 2; i <= (t == 1 ? 1 : 3); i++) {
            numbers.add(prefix + String.format("%02d", before + i));
        }
        return numbers;
    }

    private void publishSteering(String meetingNumber, LocalDate date, int seq, List<Motion> motions,
                                 Set<String> restricted) {
        String title = "Protokoll " + meetingNumber + " – Lenkungskreis Digitalstrategie";
        int versions = motions.stream().mapToInt(mo -> mo.path().size()).max().orElse(1);
        // The meeting exists before its minutes are written; the page id links the two.
        long pageId = pages.reserveId();
        committee.save(new Meeting(0, WormsDemo.STEERING, meetingNumber, seq + ". Sitzung des Lenkungskreises "
                + date.getYear(), date, "Rathaus Worms, Sitzungssaal", pageId, restricted.isEmpty()));
        var page = pages.create(pageId, WormsDemo.STEERING_SPACE, 0, title, steeringBody(meetingNumber, date, motions, 0),
                restricted, "minutes", WormsDemo.SECRETARY);
        for (int v = 1; v < versions; v++) {
            pages.update(page.getId(), steeringBody(meetingNumber, date, motions, v), WormsDemo.SECRETARY);
        }
    }

    private String steeringBody(String meetingNumber, LocalDate date, List<Motion> motions, int version) {
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(x("Sitzung " + meetingNumber + " am " + date.getDayOfMonth() + "."
                + date.getMonthValue() + "." + date.getYear() + ", Rathaus Worms. Leitung: Chief Digital Officer. "
                + "Protokoll: Schriftführung der Stabsabteilung. (Demo-Protokoll)")).append("</p>");
        body.append(macro("meeting-calendar", "body", WormsDemo.STEERING));
        body.append("<h2>TOP 1 Begrüßung und Tagesordnung</h2><p>Die Tagesordnung wird genehmigt.</p>");
        int top = 2;
        for (Motion mo : motions) {
            DecisionStatus status = mo.at(version);
            body.append("<h2>TOP ").append(top++).append(' ').append(x(mo.title())).append("</h2>")
                    .append("<p>Sachstand und Aussprache.</p>")
                    .append("<ac:structured-macro ac:name=\"committee-decision\" ac:schema-version=\"1\" ac:macro-id=\"")
                    .append(macroId(mo.number())).append("\">")
                    .append(param("number", mo.number())).append(param("title", mo.title()))
                    .append(param("status", status.name().toLowerCase(Locale.ROOT).replace('_', '-')))
                    .append(param("projects", String.join(", ", mo.projects())))
                    .append(param("owner", mo.owner())).append(param("due", mo.due().toString()));
            if (status != DecisionStatus.PROPOSED && status != DecisionStatus.READY_FOR_VOTE
                    && status != DecisionStatus.DEFERRED) {
                body.append(param("vote", mo.vote()));
            }
            if (status == DecisionStatus.SUPERSEDED || status == DecisionStatus.REVOKED) {
                body.append(param("successor", mo.successor()));
            }
            if (!mo.inputs().isEmpty()) {
                body.append(param("inputs", String.join(", ", mo.inputs())));
            }
            body.append("<ac:rich-text-body><p>").append(x(mo.text())).append("</p></ac:rich-text-body>")
                    .append("</ac:structured-macro>");
        }
        return body.toString();
    }

    void advisoryBoard() {
        int number = 0;
        for (int m = 0; m < 4; m++) {
            LocalDate date = boardMeeting(m);
            String meetingNumber = boardNumber(m);
            List<Input> inputs = new ArrayList<>();
            for (int i = 0; i < inputsOf(m); i++) {
                number++;
                String topic = TOPICS.get(number % TOPICS.size());
                DigitalProject project = portfolio.get((number * 5) % portfolio.size());
                AnswerStatus target = m == 3 ? (i == 0 ? AnswerStatus.UNDER_REVIEW : AnswerStatus.RECEIVED)
                        : ANSWERS.get(number % ANSWERS.size());
                boolean reported = target.answered() && date.plusMonths(4).isBefore(today) && number % 3 != 0;
                inputs.add(new Input("BR-" + date.getYear() + "-" + String.format("%02d", number),
                        "Empfehlung zu " + topic, "Der Beirat empfiehlt, beim Thema „" + topic + "“ das Projekt „"
                        + shortTitle(project) + "“ weiterzuentwickeln (Demo-Empfehlung).", topic,
                        SECTORS.get(number % SECTORS.size()), List.of(project.issueKey()), answerPath(target),
                        answerText(target), reported ? date.plusMonths(4) : null));
            }
            String title = "Protokoll " + meetingNumber + " – Beirat Digitalstrategie";
            int versions = inputs.stream().mapToInt(in -> in.path().size()).max().orElse(1);
            long pageId = pages.reserveId();
            committee.save(new Meeting(0, WormsDemo.ADVISORY, meetingNumber, (m + 1)
                    + ". Sitzung des Beirats Digitalstrategie", date, "Hochschule Worms", pageId, true));
            var page = pages.create(pageId, WormsDemo.ADVISORY_SPACE, 0, title, advisoryBody(meetingNumber, date, inputs, 0),
                    Set.of(), "minutes", WormsDemo.SECRETARY);
            for (int v = 1; v <= versions; v++) {
                pages.update(page.getId(), advisoryBody(meetingNumber, date, inputs, v), WormsDemo.SECRETARY);
            }
        }
    }

    private String advisoryBody(String meetingNumber, LocalDate date, List<Input> inputs, int version) {
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(x("Sitzung " + meetingNumber + " am " + date.getDayOfMonth() + "."
                + date.getMonthValue() + "." + date.getYear() + ", Hochschule Worms. Moderation: Chief Digital Officer. "
                + "(Demo-Protokoll)")).append("</p>");
        body.append(macro("meeting-calendar", "body", WormsDemo.ADVISORY));
        int top = 1;
        for (Input in : inputs) {
            AnswerStatus status = in.at(version);
            body.append("<h2>TOP ").append(top++).append(' ').append(x(in.topic())).append("</h2>")
                    .append("<ac:structured-macro ac:name=\"advisory-input\" ac:schema-version=\"1\" ac:macro-id=\"")
                    .append(macroId(in.number())).append("\">")
                    .append(param("number", in.number())).append(param("title", in.title()))
                    .append(param("topic", in.topic()))
                    .append(param("sectors", in.sectors().stream().sorted().map(s -> s.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))))
                    .append(param("projects", String.join(", ", in.projects())))
                    .append(param("received", date.toString()))
                    .append(param("answer-status", status.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            if (status.answered()) {
                body.append(param("answer", in.answer()));
                // The board is told once the city's position is final, in the page's last version.
                if (in.reported() != null && version >= in.path().size()) {
                    body.append(param("reported", in.reported().toString()));
                }
            }
            body.append("<ac:rich-text-body><p>").append(x(in.text())).append("</p></ac:rich-text-body>")
                    .append("</ac:structured-macro>");
        }
        return body.toString();
    }

    void overviewPages() {
        pages.create(SPACE, "Portfolio der Digitalprojekte", "<p>Alle Digitalprojekte der Stadt Worms nach "
                + "Handlungsfeldern.</p>" + macro("digital-portfolio", "group", "field"), Set.of(), "portfolio");
        pages.create(SPACE, "Beschlussregister des Lenkungskreises", "<p>Alle Beschlüsse des Lenkungskreises.</p>"
                + macro("decision-register", "page-size", "10") + macro("meeting-calendar", "body", WormsDemo.STEERING),
                Set.of(), "register");
        pages.create(SPACE, "Empfehlungen des Beirats", "<p>Alle Empfehlungen des Beirats und die Antworten der Stadt."
                + "</p>" + macro("advisory-register", "page-size", "10") + macro("meeting-calendar", "body",
                WormsDemo.ADVISORY), Set.of(), "register");
        pages.create(SPACE, "Offene Empfehlungen des Beirats", "<p>Empfehlungen, zu denen die Stadt noch nicht "
                + "Stellung genommen hat.</p>" + macro("advisory-register", "unanswered", "true"), Set.of(), "register");
        for (DigitalProject project : portfolio.subList(0, Math.min(3, portfolio.size()))) {
            pages.create(SPACE, "Steckbrief " + project.issueKey() + ": " + shortTitle(project),
                    macro("project-profile", "key", project.issueKey()), Set.of(), "profile");
        }
        // What became of the board's input: for the board, per meeting, and the trace of one input.
        pages.create(SPACE, "Was wurde aus unseren Empfehlungen? (Beirat " + boardNumber(0) + ")",
                "<p>Für den Beirat: jede Empfehlung der Sitzung, die Antwort der Stadt, die Beschlüsse und wie lange "
                        + "jeder Schritt dauerte.</p>" + macro("advisory-followup", "meeting", boardNumber(0)), Set.of(),
                "trace");
        pages.create(SPACE, "Was wurde aus unseren Empfehlungen? (Beirat " + boardNumber(2) + ")",
                "<p>Für den Beirat: die Empfehlungen der Sitzung und was aus ihnen wurde.</p>"
                        + macro("advisory-followup", "meeting", boardNumber(2)), Set.of(), "trace");
        String traced = "BR-" + boardMeeting(0).getYear() + "-02";
        pages.create(SPACE, "Weg der Empfehlung " + traced, "<p>Von der Empfehlung des Beirats zum Ergebnis: die "
                + "Antwort der Stadt, die Beschlüsse und die betroffenen Projekte.</p>"
                + macro("advisory-trace", "input", traced), Set.of(), "trace");
        pages.create(SPACE, "Vorbereitung der nächsten Sitzung des Lenkungskreises", "<p>Was seit der letzten Sitzung "
                + "geschah, als Grundlage der Tagesordnung.</p>" + macro("meeting-preparation", "body", WormsDemo.STEERING),
                Set.of(), "preparation");
        pages.create(SPACE, "Gemeldeter Stand und Belege", "<p>Für die Stabsstelle Digitalisierung: Projekte, deren "
                + "gemeldeter Stand nicht zu den Belegen passt.</p>" + macro("evidence-flags", "rule", ""), Set.of(),
                "evidence");
        pages.create(SPACE, "Roadmap der Digitalstrategie", "<p>Die Umsetzungs-Roadmap: alle Digitalprojekte nach "
                + "Handlungsfeldern über ihre Laufzeit.</p>" + macro("digital-roadmap", "group", "field"), Set.of(),
                "portfolio");
    }

    private static String macro(String name, String parameter, String value) {
        return "<ac:structured-macro ac:name=\"" + name + "\" ac:schema-version=\"1\" ac:macro-id=\""
                + macroId(name + parameter + value) + "\">" + param(parameter, value) + "</ac:structured-macro>";
    }

    private static List<DecisionStatus> path(DecisionStatus target) {
        return switch (target) {
            case PROPOSED -> List.of(DecisionStatus.PROPOSED);
            case READY_FOR_VOTE -> List.of(DecisionStatus.READY_FOR_VOTE);
            case DECIDED, REJECTED, DEFERRED -> List.of(DecisionStatus.READY_FOR_VOTE, target);
            case SUPERSEDED, REVOKED -> List.of(DecisionStatus.READY_FOR_VOTE, DecisionStatus.DECIDED, target);
        };
    }

    private static List<AnswerStatus> answerPath(AnswerStatus target) {
        return switch (target) {
            case RECEIVED -> List.of(AnswerStatus.RECEIVED);
            case UNDER_REVIEW -> List.of(AnswerStatus.RECEIVED, AnswerStatus.UNDER_REVIEW);
            case ADOPTED, PARTLY_ADOPTED, DECLINED -> List.of(AnswerStatus.RECEIVED, AnswerStatus.UNDER_REVIEW, target);
            case IMPLEMENTED -> List.of(AnswerStatus.RECEIVED, AnswerStatus.UNDER_REVIEW, AnswerStatus.ADOPTED,
                    AnswerStatus.IMPLEMENTED);
        };
    }

    private static String answerText(AnswerStatus target) {
        return switch (target) {
            case ADOPTED, IMPLEMENTED -> "Wird im Projekt aufgegriffen.";
            case PARTLY_ADOPTED -> "Pilot in einem Fachbereich; flächendeckend erst nach Auswertung.";
            case DECLINED -> "Keine Haushaltsmittel im Doppelhaushalt; Wiedervorlage zur nächsten Planung.";
            default -> "";
        };
    }

    private static String param(String name, String value) {
        return "<ac:parameter ac:name=\"" + name + "\">" + x(value) + "</ac:parameter>";
    }

    private static String x(String text) {
        return Html.escape(text);
    }

    /** Marks every demo record as demo data, in the form the plugin reads ({@link DemoRecords}). */
    static String macroId(String seed) {
        return DemoRecords.macroId(seed);
    }

    private static String nextNumber(String number) {
        int dash = number.lastIndexOf('-');
        return number.substring(0, dash + 1) + String.format("%02d", Integer.parseInt(number.substring(dash + 1)) + 1);
    }

    static String shortTitle(DigitalProject project) {
        String title = project.title().replaceAll("\\s*\\(.*", "");
        return shorten(title, 60);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
