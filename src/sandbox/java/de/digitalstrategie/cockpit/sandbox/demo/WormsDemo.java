package de.digitalstrategie.cockpit.sandbox.demo;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.AgendaItem;
import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.organisation.seed.CsvTable;
import de.digitalstrategie.cockpit.organisation.seed.OrganisationSeed;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeds the sandbox with Worms: the real fields of action, organisations and digital projects from
 * the sourced seed files, plus demo values that the sources do not give (budgets, phases, health,
 * the steering committee's meetings and decisions, the advisory board's input), each marked as
 * such. Deterministic: the same files give the same demo every time.
 */
public final class WormsDemo {
    public static final String STEERING = "lenkungskreis";
    public static final String ADVISORY = "beirat";
    static final String DEMO_NOTE = "Budget, Phase, Ampel und Zeitrahmen sind Demo-Werte.";

    private final OrganisationStore organisation;
    private final ProjectStore projects;
    private final CommitteeStore committee;
    private final DecisionStore decisions;
    private final AdvisoryStore advisory;
    private final Random random = new Random(2026);

    public WormsDemo(OrganisationStore organisation, ProjectStore projects, CommitteeStore committee,
                     DecisionStore decisions, AdvisoryStore advisory) {
        this.organisation = organisation;
        this.projects = projects;
        this.committee = committee;
        this.decisions = decisions;
        this.advisory = advisory;
    }

    /** Seeds everything from the Worms seed directory, unless the store already holds projects. */
    public boolean seedIfEmpty(Path seedDir, LocalDate today) throws IOException {
        if (projects.count() > 0) {
            return false;
        }
        OrganisationSeed seed = new OrganisationSeed(organisation);
        List<FieldOfAction> fields;
        try (Reader r = Files.newBufferedReader(seedDir.resolve("fields_of_action.csv"), StandardCharsets.UTF_8)) {
            fields = seed.loadFieldsOfAction(r);
        }
        List<Department> departments;
        try (Reader r = Files.newBufferedReader(seedDir.resolve("organisations.csv"), StandardCharsets.UTF_8)) {
            departments = seed.loadDepartments(r);
        }
        List<DigitalProject> portfolio;
        try (Reader r = Files.newBufferedReader(seedDir.resolve("measures.csv"), StandardCharsets.UTF_8)) {
            portfolio = projects(CsvTable.read(r), fields, departments, today);
        }
        portfolio.forEach(projects::save);
        bodies(departments);
        steeringCommittee(portfolio, today);
        advisoryBoard(portfolio, today);
        return true;
    }

    private List<DigitalProject> projects(CsvTable measures, List<FieldOfAction> fields, List<Department> departments,
                                          LocalDate today) {
        Map<String, String> fieldByName = new LinkedHashMap<>();
        fields.forEach(f -> fieldByName.put(f.nameDe().toLowerCase(Locale.ROOT), f.key()));
        List<DigitalProject> result = new ArrayList<>();
        int n = 0;
        for (Map<String, String> row : measures.require("title_de", "field_of_action", "owner", "status", "year",
                "budget_eur", "funding", "source_url").rows()) {
            n++;
            String fieldKey = fieldByName.getOrDefault(row.get("field_of_action").toLowerCase(Locale.ROOT), "3.7");
            String owner = row.get("owner");
            Department lead = leadDepartment(owner, fieldKey, departments);
            Phase phase = phaseOf(row.get("status"));
            ProjectStatus status = switch (phase) {
                case IDEA, PLANNING -> ProjectStatus.PLANNED;
                case IMPLEMENTATION -> random.nextInt(8) == 0 ? ProjectStatus.PAUSED : ProjectStatus.RUNNING;
                case OPERATION -> ProjectStatus.RUNNING;
                case COMPLETED -> row.get("status").toLowerCase(Locale.ROOT).contains("beendet")
                        ? ProjectStatus.STOPPED : ProjectStatus.FINISHED;
            };
            int startYear = row.get("year").isEmpty() ? 2022 + random.nextInt(4) : Integer.parseInt(row.get("year"));
            LocalDate start = LocalDate.of(startYear, 1 + random.nextInt(12), 1);
            LocalDate end = start.plusMonths(12 + random.nextInt(42)).minusDays(1);
            long budgetCents = row.get("budget_eur").isEmpty()
                    ? (25 + random.nextInt(1200)) * 1_000_00L
                    : Math.round(Double.parseDouble(row.get("budget_eur")) * 100);
            long fundingCents = row.get("funding").isEmpty() ? 0 : budgetCents * (20 + random.nextInt(60)) / 100;
            Health health = random.nextInt(10) < 6 ? Health.GREEN : random.nextInt(3) == 0 ? Health.RED : Health.AMBER;
            String description = row.get("title_de") + ". Stand laut Quelle: " + row.get("status") + ". Quelle: "
                    + row.get("source_url") + ". " + DEMO_NOTE;
            result.add(new DigitalProject("DIGI-" + n, shorten(row.get("title_de")),
                    new ProjectProfile(description, "", owner, owner.isEmpty() ? lead.name() : shorten(owner),
                            "", row.get("funding")),
                    new TimeFrame(start, end), budgetCents, fundingCents, status, phase, health, lead.key(), fieldKey,
                    Instant.parse("2026-11-01T08:00:00Z").plusSeconds(3600L * n)));
        }
        return result;
    }

    private static String shorten(String text) {
        return text.length() <= 250 ? text : text.substring(0, 249) + "…";
    }

    /** The unit named in the owner text, or the staff unit, which owns the portfolio. */
    private static Department leadDepartment(String owner, String fieldKey, List<Department> departments) {
        String lower = owner.toLowerCase(Locale.ROOT);
        for (Department d : departments) {
            String name = d.name().toLowerCase(Locale.ROOT).replaceAll("\\s*\\(.*", "");
            if (!owner.isEmpty() && name.length() > 3 && lower.contains(name)) {
                return d;
            }
        }
        return departments.stream().filter(d -> d.kind() == DepartmentKind.STABSABTEILUNG).findFirst()
                .orElse(departments.get(0));
    }

    private static Phase phaseOf(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        if (s.contains("beendet") || s.contains("umgesetzt") || s.contains("durchgeführt")) {
            return Phase.COMPLETED;
        }
        if (s.contains("betrieb") || s.contains("einsatz") || s.contains("online") || s.contains("bestehend")
                || s.contains("freigeschaltet") || s.contains("veröffentlicht")) {
            return Phase.OPERATION;
        }
        if (s.contains("vorgeschlagen") || s.contains("möglichkeit") || s.contains("bedarf")) {
            return Phase.IDEA;
        }
        if (s.contains("geplant") || s.contains("vorgesehen") || s.contains("beschlossen") || s.contains("studie")) {
            return Phase.PLANNING;
        }
        return Phase.IMPLEMENTATION;
    }

    private void bodies(List<Department> departments) {
        committee.save(new Body(STEERING, BodyKind.STEERING_COMMITTEE, "Lenkungskreis Digitalstrategie", true));
        committee.save(new Body(ADVISORY, BodyKind.ADVISORY_BOARD, "Beirat Digitalstrategie", true));
        String staff = departments.stream().filter(d -> d.kind() == DepartmentKind.STABSABTEILUNG)
                .map(Department::key).findFirst().orElse("");
        for (DemoPeople.Person p : DemoPeople.ALL) {
            String dept = p.department().isEmpty() ? "" : departments.stream()
                    .filter(d -> d.name().startsWith(p.department())).map(Department::key).findFirst().orElse(staff);
            if (p.steering() != null) {
                committee.save(new Member(STEERING, p.key(), p.name(), p.steering(), null, dept, p.publishConsent()));
            }
            if (p.advisory() != null) {
                committee.save(new Member(ADVISORY, p.key(), p.name(), p.advisory(),
                        p.advisory() == MemberRole.ADVISORY_EXPERT ? p.sector() : null, dept, p.publishConsent()));
            }
        }
    }

    private void steeringCommittee(List<DigitalProject> portfolio, LocalDate today) {
        List<Meeting> meetings = new ArrayList<>();
        LocalDate first = today.minusMonths(21).withDayOfMonth(12);
        for (int i = 0; i < 8; i++) {
            LocalDate date = first.plusMonths(3L * i);
            int seq = i % 4 + 1;
            meetings.add(committee.save(new Meeting(0, STEERING, "LK " + date.getYear() + "/" + seq,
                    seq + ". Sitzung des Lenkungskreises " + date.getYear(), date, "Rathaus Worms, Sitzungssaal",
                    0, true)));
        }
        // The statuses the demo should show, in the order decisions are taken; every one is reached
        // through the real workflow, so the audit trail is the one a real committee would leave.
        List<DecisionStatus> plan = new ArrayList<>();
        for (DecisionStatus s : List.of(DecisionStatus.DECIDED, DecisionStatus.DECIDED, DecisionStatus.SUPERSEDED,
                DecisionStatus.DECIDED, DecisionStatus.REJECTED, DecisionStatus.DEFERRED, DecisionStatus.REVOKED,
                DecisionStatus.DECIDED, DecisionStatus.READY_FOR_VOTE, DecisionStatus.PROPOSED)) {
            plan.add(s);
        }
        List<String> themes = List.of("Projektauftrag", "Budgetfreigabe", "Priorisierung", "Meilensteinplan",
                "Betriebsübergabe", "Ausschreibung");
        int number = 0;
        List<Decision> taken = new ArrayList<>();
        for (int m = 0; m < meetings.size(); m++) {
            Meeting meeting = meetings.get(m);
            int items = m < 6 ? 4 : 5;
            for (int t = 1; t <= items; t++) {
                number++;
                DigitalProject project = portfolio.get((number * 7) % portfolio.size());
                String theme = themes.get(number % themes.size());
                AgendaItem item = committee.add(new AgendaItem(0, meeting.id(), t + 1, "TOP " + (t + 1),
                        theme + ": " + shortTitle(project), number % 9 != 0));
                String decisionNumber = "LK-" + meeting.date().getYear() + "-" + String.format("%02d", number);
                Decision recorded = decisions.record(new Decision(0, "demo-lk-" + number, decisionNumber,
                        theme + " „" + shortTitle(project) + "“",
                        "Der Lenkungskreis beschließt: " + theme + " für das Projekt „" + project.title()
                                + "“ (Demo-Beschluss).",
                        DecisionStatus.PROPOSED, null, meeting.id(), item.id(),
                        List.of(project.issueKey(), portfolio.get((number * 11) % portfolio.size()).issueKey()),
                        project.profile().owners().isEmpty() ? "Stabsabteilung" : project.profile().owners(),
                        meeting.date().plusMonths(3 + number % 6), "",
                        new PageRef(1000 + m, 1, "DIGI", "Protokoll " + meeting.number()), false, number % 9 != 0),
                        "schriftfuehrung");
                DecisionStatus target = m >= 6 && t >= 4 ? (t == 4 ? DecisionStatus.READY_FOR_VOTE
                        : DecisionStatus.PROPOSED) : plan.get(number % plan.size());
                taken.add(walk(recorded, target, taken));
            }
        }
    }

    /** Moves a proposed decision along the workflow to its target status. */
    private Decision walk(Decision d, DecisionStatus target, List<Decision> earlier) {
        String secretary = "schriftfuehrung";
        String cdo = "cdo";
        if (target == DecisionStatus.PROPOSED) {
            return d;
        }
        if (target == DecisionStatus.DEFERRED) {
            return decisions.changeStatus(d.id(), DecisionStatus.DEFERRED, cdo, null, null,
                    "Vertagt: Stellungnahme des Fachbereichs fehlt noch.");
        }
        decisions.changeStatus(d.id(), DecisionStatus.READY_FOR_VOTE, secretary, null, null, "Auf die Tagesordnung gesetzt.");
        if (target == DecisionStatus.READY_FOR_VOTE) {
            return decisions.find(d.id()).orElseThrow();
        }
        if (target == DecisionStatus.REJECTED) {
            return decisions.changeStatus(d.id(), DecisionStatus.REJECTED, secretary, new Vote(3, 6, 1), null,
                    "Mehrheit sieht keinen Vorrang.");
        }
        Decision decided = decisions.changeStatus(d.id(), DecisionStatus.DECIDED, secretary,
                new Vote(7 + random.nextInt(3), random.nextInt(2), random.nextInt(3)), null, "");
        if (target == DecisionStatus.SUPERSEDED || target == DecisionStatus.REVOKED) {
            // The successor is a later decision: this one is replaced by the next number.
            String successor = nextNumber(d.number());
            return decisions.changeStatus(d.id(), target, cdo, null, successor,
                    target == DecisionStatus.SUPERSEDED ? "Durch Neufassung ersetzt." : "Aufgehoben, Ziel entfallen.");
        }
        return decided;
    }

    private static String nextNumber(String number) {
        int dash = number.lastIndexOf('-');
        return number.substring(0, dash + 1) + String.format("%02d", Integer.parseInt(number.substring(dash + 1)) + 1);
    }

    private static String shortTitle(DigitalProject project) {
        String title = project.title().replaceAll("\\s*\\(.*", "");
        return title.length() <= 60 ? title : title.substring(0, 59) + "…";
    }

    private void advisoryBoard(List<DigitalProject> portfolio, LocalDate today) {
        List<String> topics = List.of("Künstliche Intelligenz in der Verwaltung", "Open Data", "Smart City und Sensorik",
                "Digitale Teilhabe älterer Menschen", "Informationssicherheit", "Digitale Bildung",
                "Interkommunale Zusammenarbeit", "Nachhaltige IT");
        List<Set<Sector>> sectorSets = List.of(EnumSet.of(Sector.WISSENSCHAFT), EnumSet.of(Sector.WIRTSCHAFT),
                EnumSet.of(Sector.KOMMUNEN), EnumSet.of(Sector.GESELLSCHAFT),
                EnumSet.of(Sector.WIRTSCHAFT, Sector.WISSENSCHAFT), EnumSet.of(Sector.KOMMUNEN, Sector.GESELLSCHAFT));
        List<AnswerStatus> plan = List.of(AnswerStatus.IMPLEMENTED, AnswerStatus.ADOPTED, AnswerStatus.PARTLY_ADOPTED,
                AnswerStatus.DECLINED, AnswerStatus.UNDER_REVIEW, AnswerStatus.RECEIVED);
        LocalDate first = today.minusMonths(18).withDayOfMonth(20);
        int number = 0;
        for (int m = 0; m < 4; m++) {
            LocalDate date = first.plusMonths(5L * m);
            Meeting meeting = committee.save(new Meeting(0, ADVISORY, "BR " + date.getYear() + "/" + (m % 2 + 1),
                    (m + 1) + ". Sitzung des Beirats Digitalstrategie", date, "Hochschule Worms", 0, true));
            for (int i = 0; i < (m == 3 ? 3 : 5); i++) {
                number++;
                String topic = topics.get(number % topics.size());
                DigitalProject project = portfolio.get((number * 5) % portfolio.size());
                AdvisoryInput input = advisory.record(new AdvisoryInput(0, "demo-br-" + number,
                        "BR-" + date.getYear() + "-" + String.format("%02d", number),
                        "Empfehlung zu " + topic, "Der Beirat empfiehlt, beim Thema „" + topic + "“ das Projekt „"
                        + shortTitle(project) + "“ weiterzuentwickeln (Demo-Empfehlung).", topic,
                        sectorSets.get(number % sectorSets.size()), meeting.id(), List.of(project.issueKey()), date, null,
                        new PageRef(2000 + m, 1, "DIGI", "Protokoll " + meeting.number()), false, true), "schriftfuehrung");
                AnswerStatus target = m == 3 ? (i == 0 ? AnswerStatus.UNDER_REVIEW : AnswerStatus.RECEIVED)
                        : plan.get(number % plan.size());
                answer(input, target, date.plusWeeks(8).isBefore(today) && number % 3 != 0);
            }
        }
    }

    private void answer(AdvisoryInput input, AnswerStatus target, boolean reported) {
        if (target == AnswerStatus.RECEIVED) {
            return;
        }
        advisory.changeAnswer(input.id(), AnswerStatus.UNDER_REVIEW, "cdo", "");
        switch (target) {
            case ADOPTED -> advisory.changeAnswer(input.id(), AnswerStatus.ADOPTED, "cdo", "Wird im Projekt aufgegriffen.");
            case PARTLY_ADOPTED -> advisory.changeAnswer(input.id(), AnswerStatus.PARTLY_ADOPTED, "cdo",
                    "Pilot in einem Fachbereich; flächendeckend erst nach Auswertung.");
            case DECLINED -> advisory.changeAnswer(input.id(), AnswerStatus.DECLINED, "cdo",
                    "Keine Haushaltsmittel im Doppelhaushalt; Wiedervorlage zur nächsten Planung.");
            case IMPLEMENTED -> {
                advisory.changeAnswer(input.id(), AnswerStatus.ADOPTED, "cdo", "Wird umgesetzt.");
                advisory.changeAnswer(input.id(), AnswerStatus.IMPLEMENTED, "cdo", "Umgesetzt.");
            }
            default -> {
                return;
            }
        }
        if (reported) {
            advisory.reportToBoard(input.id(), input.receivedOn().plusMonths(4), "cdo");
        }
    }
}
