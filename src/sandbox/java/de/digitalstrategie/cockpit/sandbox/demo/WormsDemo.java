package de.digitalstrategie.cockpit.sandbox.demo;

import de.digitalstrategie.cockpit.access.Roles;
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
import de.digitalstrategie.cockpit.minutes.place.MinutesPlacesStore;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.ProjectStore;
import de.digitalstrategie.cockpit.sandbox.confluence.PageRepository;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.strategy.store.Measurements;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeds the sandbox with Worms: the real fields of action, organisations and digital projects from
 * the sourced seed files, plus demo values that the sources do not give (budgets, phases, health,
 * the steering committee's and advisory board's minutes pages with their decisions and input),
 * each marked as such. Decisions and input reach the registers the way they do in Confluence: as
 * macros on minutes pages, through the page events. Deterministic: the same files give the same
 * demo every time.
 */
public final class WormsDemo {
    public static final String STEERING = "lenkungskreis";
    public static final String ADVISORY = "beirat";
    /**
     * Where each body's minutes live: a space of its own, named as the body's minutes places on
     * seeding, so the registers take the demo's minutes and nothing else.
     */
    public static final String STEERING_SPACE = "LK";
    public static final String ADVISORY_SPACE = "BR";
    /** Who writes the demo's minutes: the secretary of both bodies, who may change what they record. */
    public static final String SECRETARY = "schriftfuehrung";
    static final String DEMO_NOTE = "Budget, Phase, Ampel und Zeitrahmen sind Demo-Werte.";

    private final OrganisationStore organisation;
    private final ProjectStore projects;
    private final CommitteeStore committee;
    private final MinutesPlacesStore places;
    private final PageRepository pages;
    private final Random random = new Random(2026);
    /** The strategy pages written by {@link #seedIfEmpty}, whose values are measured after the sync. */
    private DemoGoals goals;
    private final DemoHistory history;

    public WormsDemo(OrganisationStore organisation, ProjectStore projects, CommitteeStore committee,
                     MinutesPlacesStore places, PageRepository pages) {
        this(organisation, projects, committee, places, pages, null);
    }

    /** @param history how the projects got where they are, written before they are mirrored as they are; null for none */
    public WormsDemo(OrganisationStore organisation, ProjectStore projects, CommitteeStore committee,
                     MinutesPlacesStore places, PageRepository pages, DemoHistory history) {
        this.history = history;
        this.organisation = organisation;
        this.projects = projects;
        this.committee = committee;
        this.places = places;
        this.pages = pages;
    }

    /**
     * The portfolio as a sync would mirror it from Jira, with what each project waits for. Demo
     * values, not from the sources: the OZG platform waits for the e-file (documents from online
     * applications land in it), the e-file for the new document management system it runs on. The
     * ids are not Jira's, so no issue of a Jira connected later is taken for a demo project.
     */
    private void mirror(List<DigitalProject> portfolio, LocalDate today) {
        String ozg = find(portfolio, "Onlinezugangsgesetz");
        String eFile = find(portfolio, "E-Akte");
        String dms = find(portfolio, "DMS-Neustart");
        Map<String, List<String>> waits = new HashMap<>();
        if (ozg != null && eFile != null) {
            waits.put(ozg, List.of(eFile));
        }
        if (eFile != null && dms != null) {
            waits.put(eFile, List.of(dms));
        }
        List<ProjectStore.Mirrored> mirrored = portfolio.stream().map(p -> new ProjectStore.Mirrored(p,
                "demo-" + p.issueKey(), waits.getOrDefault(p.issueKey(), List.of()))).toList();
        if (history != null) {
            history.write(mirrored, today);
        }
        projects.mirror(mirrored);
    }

    /**
     * Demo values, not from the sources: the staff unit publishes the profiles of two projects
     * citizens meet (the online services and the city app); every other profile stays internal.
     */
    private void publicProfiles(List<DigitalProject> portfolio) {
        for (String title : List.of("Onlinezugangsgesetz", "City-App")) {
            String key = find(portfolio, title);
            if (key != null) {
                projects.publish(key, true, SECRETARY);
            }
        }
    }

    /**
     * Demo values, not from the sources: the status reports since the steering committee's last
     * meeting, as the next sync mirrors them: two running projects that were on track report
     * trouble (one at risk, one critical), so the meeting preparation has projects whose health got
     * worse. Neither is published, nor waits for another project.
     */
    private void reportsSinceTheLastMeeting(List<DigitalProject> portfolio) {
        List<DigitalProject> onTrack = portfolio.stream().filter(p -> p.health() == Health.GREEN)
                .filter(p -> p.status() == ProjectStatus.RUNNING && !projects.isPublished(p.issueKey()))
                .filter(p -> !p.title().contains("E-Akte") && !p.title().contains("DMS-Neustart")
                        && !p.title().contains("Onlinezugangsgesetz"))
                .limit(2).toList();
        List<Health> reported = List.of(Health.AMBER, Health.RED);
        List<ProjectStore.Mirrored> later = new ArrayList<>();
        for (int i = 0; i < onTrack.size(); i++) {
            DigitalProject p = onTrack.get(i);
            later.add(new ProjectStore.Mirrored(new DigitalProject(p.issueKey(), p.title(), p.profile(), p.timeFrame(),
                    p.budgetCents(), p.fundingCents(), p.status(), p.phase(), reported.get(i), p.departmentKey(),
                    p.fieldOfActionKey(), p.updated().plusSeconds(86_400)), "demo-" + p.issueKey()));
        }
        projects.mirror(later);
    }

    /**
     * Demo values, not from the sources: reports the evidence does not bear out, as the next sync
     * mirrors them, so the staff unit's list of flags shows each rule a fresh demo can: a critical
     * project reported on track again with nothing behind it, a project reported completed while its
     * issue is still in progress, budgets raised without a decision (and the overdue projects the
     * portfolio has anyway). "On track but not updated" needs weeks without a change, which a demo
     * seeded today has not had. Taken from the end of the portfolio, away from the projects the
     * other demo values change; none is published.
     */
    private void reportsTheEvidenceDoesNotBearOut(List<DigitalProject> portfolio) {
        List<DigitalProject> running = new ArrayList<>(portfolio.stream()
                .filter(p -> p.status() == ProjectStatus.RUNNING && p.phase() == Phase.IMPLEMENTATION)
                .filter(p -> !projects.isPublished(p.issueKey()) && p.health() != Health.GREEN).toList());
        java.util.Collections.reverse(running);
        List<ProjectStore.Mirrored> later = new ArrayList<>();
        // Budgets raised on three projects: some have a decision of the steering committee behind them.
        for (int i = 0; i < Math.min(5, running.size()); i++) {
            DigitalProject p = running.get(i);
            Health health = i == 0 ? Health.GREEN : p.health();
            Phase phase = i == 1 ? Phase.COMPLETED : p.phase();
            long budget = i >= 2 ? p.budgetCents() + p.budgetCents() / 4 : p.budgetCents();
            later.add(new ProjectStore.Mirrored(new DigitalProject(p.issueKey(), p.title(), p.profile(), p.timeFrame(),
                    budget, p.fundingCents(), p.status(), phase, health, p.departmentKey(), p.fieldOfActionKey(),
                    p.updated().plusSeconds(2 * 86_400)), "demo-" + p.issueKey()));
        }
        projects.mirror(later);
    }

    private static String find(List<DigitalProject> portfolio, String titlePart) {
        return portfolio.stream().filter(p -> p.title().contains(titlePart)).map(DigitalProject::issueKey).findFirst()
                .orElse(null);
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
        mirror(portfolio, today);
        publicProfiles(portfolio);
        bodies(departments);
        // As an administrator would on the admin page, before the first minutes are written.
        places.save(STEERING, new Places(Set.of(STEERING_SPACE), Set.of()));
        places.save(ADVISORY, new Places(Set.of(ADVISORY_SPACE), Set.of()));
        DemoMinutes minutes = new DemoMinutes(committee, pages, portfolio, today);
        minutes.steeringCommittee();
        minutes.advisoryBoard();
        minutes.overviewPages();
        reportsSinceTheLastMeeting(portfolio);
        reportsTheEvidenceDoesNotBearOut(portfolio);
        Map<String, String> fieldNames = new LinkedHashMap<>();
        fields.forEach(f -> fieldNames.put(f.key(), f.nameDe()));
        goals = new DemoGoals(places, pages, portfolio, today);
        goals.strategyPages(fieldNames);
        if (history != null) {
            historyPage(today);
        }
        return true;
    }

    /**
     * The values measured for the demo's indicators, once the page sync has recorded their cards
     * from the strategy pages (after {@link #seedIfEmpty} and the sync's run).
     */
    public void measureGoals(Measurements measurements, Indicators indicators, Roles roles) {
        if (goals != null) {
            goals.measure(measurements, indicators, roles);
        }
    }

    /**
     * The portfolio's course (demo values, see {@link DemoHistory}): the portfolio and the roadmap
     * as they stood a year ago, and the health of each field of action over the two years.
     */
    private void historyPage(LocalDate today) {
        String yearAgo = today.minusYears(1).toString();
        pages.create(DemoMinutes.SPACE, "Portfolio im Zeitverlauf", "<p>Wie sich das Portfolio entwickelt hat: "
                + "der Stand vor einem Jahr und die Ampel je Handlungsfeld über zwei Jahre. Der Verlauf besteht aus "
                + "Demo-Werten.</p>" + historyMacro("digital-portfolio", Map.of("group", "field", "charts", "false",
                "as-of", yearAgo, "health-trend", "24")) + historyMacro("digital-roadmap", Map.of("group", "field",
                "as-of", yearAgo)), Set.of(), "portfolio");
    }

    private static String historyMacro(String name, Map<String, String> parameters) {
        StringBuilder macro = new StringBuilder("<ac:structured-macro ac:name=\"" + name
                + "\" ac:schema-version=\"1\" ac:macro-id=\"" + DemoMinutes.macroId("history" + name) + "\">");
        new java.util.TreeMap<>(parameters).forEach((k, v) -> macro.append("<ac:parameter ac:name=\"").append(k)
                .append("\">").append(v).append("</ac:parameter>"));
        return macro.append("</ac:structured-macro>").toString();
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
            if (status.open() && end.isBefore(today) && random.nextInt(5) != 0) {
                // Most running projects have re-planned their end; about one in five is overdue.
                end = today.plusMonths(2 + random.nextInt(30)).withDayOfMonth(1).minusDays(1);
            }
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

}
