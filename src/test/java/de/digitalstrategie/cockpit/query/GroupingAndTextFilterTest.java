package de.digitalstrategie.cockpit.query;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.minutes.PageRef;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.PortfolioSort;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.portfolio.store.PortfolioView;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Grouping the portfolio by phase and the text filter of every register, on each database as
 * Atlassian's AO fork writes their SQL (quoted upper-case names on PostgreSQL, every word of an
 * ORDER BY taken for a column).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class GroupingAndTextFilterTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Set<String> VISIBLE = Set.of("DIGI", "ALT");

    private final StoreFixture store;

    GroupingAndTextFilterTest(DatabaseTarget target) {
        this.store = StoreFixture.on(target);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void project(String key, String title, Phase phase, String owners) {
        store.projects.save(new DigitalProject(key, title, new ProjectProfile("Beschreibung", "", "", owners, "", ""),
                new TimeFrame(LocalDate.of(2025, 1, 1), null), 100, 0, ProjectStatus.RUNNING, phase, Health.GREEN,
                "it", "3.1", Instant.parse("2026-11-20T10:00:00Z")));
    }

    private static List<String> keys(PortfolioView view) {
        return view.page().items().stream().map(DigitalProject::issueKey).toList();
    }

    @Test
    void groupedByPhaseTheRowsFollowTheLifeCycleOnEveryPage() {
        // Alphabetically the phases would be COMPLETED, IDEA, IMPLEMENTATION, OPERATION, PLANNING.
        project("DIGI-1", "Freies WLAN", Phase.OPERATION, "");
        project("DIGI-2", "E-Akte", Phase.IDEA, "");
        project("DIGI-3", "Bürgerportal", Phase.COMPLETED, "");
        project("DIGI-4", "Open Data", Phase.PLANNING, "");
        project("DIGI-5", "Schul-IT", Phase.IMPLEMENTATION, "");
        project("DIGI-6", "Chatbot", Phase.IDEA, "");
        project("ALT-1", "Sensorik", Phase.PLANNING, "");
        List<String> lifeCycle = List.of("DIGI-2", "DIGI-6", "ALT-1", "DIGI-4", "DIGI-5", "DIGI-1", "DIGI-3");

        assertEquals(lifeCycle, keys(portfolio(Grouping.PHASE, PortfolioSort.KEY, SortOrder.ASC, 1, 25)));
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            paged.addAll(keys(portfolio(Grouping.PHASE, PortfolioSort.KEY, SortOrder.ASC, page, 2)));
        }
        assertEquals(lifeCycle, paged, "pages of two, across the phase boundaries");
        assertEquals(List.of("DIGI-6", "DIGI-2", "DIGI-4", "ALT-1", "DIGI-5", "DIGI-1", "DIGI-3"),
                keys(portfolio(Grouping.PHASE, PortfolioSort.KEY, SortOrder.DESC, 1, 25)),
                "the sort applies within each phase");
        assertEquals(List.of("DIGI-2", "DIGI-6", "DIGI-4", "DIGI-5", "DIGI-1", "DIGI-3"),
                keys(store.projects.query(PortfolioFilter.ALL, Grouping.PHASE, PortfolioSort.KEY, SortOrder.ASC,
                        PageRequest.page(1, 25), Set.of("DIGI"), TODAY, List.of())),
                "only the visible Jira projects");
    }

    private PortfolioView portfolio(Grouping grouping, PortfolioSort sort, SortOrder order, int page, int size) {
        return store.projects.query(PortfolioFilter.ALL, grouping, sort, order, PageRequest.page(page, size), VISIBLE,
                TODAY, List.of());
    }

    @Test
    void thePortfolioTextFilterIgnoresCaseInTitleKeyAndOwners() {
        project("DIGI-1", "Freies WLAN in der Innenstadt", Phase.OPERATION, "Amt für Digitales");
        project("DIGI-2", "E-Akte", Phase.IDEA, "Hauptamt; Bürgerbüro");
        project("ALT-1", "Sensorik 100% Abdeckung", Phase.PLANNING, "Tiefbau");
        assertEquals(List.of("DIGI-1"), text("wlan"));
        assertEquals(List.of("DIGI-2"), text("digi-2"));
        assertEquals(List.of("DIGI-2"), text("BÜRGERBÜRO"));
        assertEquals(List.of("ALT-1"), text("100%"));
        assertEquals(List.of(), text("100_"), "LIKE wildcards in the text are plain characters");
        assertEquals(List.of("ALT-1", "DIGI-1", "DIGI-2"), text("i"));
    }

    private List<String> text(String text) {
        PortfolioFilter filter = new PortfolioFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), text);
        return store.projects.query(filter, Grouping.NONE, PortfolioSort.KEY, SortOrder.ASC, PageRequest.page(1, 25),
                VISIBLE, TODAY, List.of()).page().items().stream().map(DigitalProject::issueKey).toList();
    }

    @Test
    void theDecisionRegisterTextFilterIgnoresCaseInTitleAndNumber() {
        decision("mac-1", "LK-2026-07", "Priorisierung OZG-Leistungen");
        decision("mac-2", "LK-2026-08", "Gemeinsame Cloud für Schulen");
        assertEquals(List.of("LK-2026-07"), decisions("ozg"));
        assertEquals(List.of("LK-2026-08"), decisions("lk-2026-08"));
        assertEquals(List.of("LK-2026-08"), decisions("CLOUD FÜR"));
        assertEquals(List.of("LK-2026-07", "LK-2026-08"), decisions("lk-"));
    }

    private void decision(String macroId, String number, String title) {
        store.decisions.record(new Decision(0, macroId, number, title, "Der Lenkungskreis beschließt …",
                DecisionStatus.PROPOSED, null, 0, 0, List.of(), "Stabsabteilung", LocalDate.of(2026, 12, 31), "",
                new PageRef(4711, 3, "DIGI", "Lenkungskreis 2026/4"), false, true), "secretary");
    }

    private List<String> decisions(String text) {
        return store.decisions.query(new RegisterQuery<>(new RegisterFilter<>(null, null, Set.of(), null, text,
                false, null), DecisionSort.NUMBER, SortOrder.ASC, PageRequest.page(1, 25)), List.of(4711L)).page().items().stream()
                .map(Decision::number).toList();
    }

    @Test
    void theAdvisoryRegisterTextFilterIgnoresCaseInTitleNumberAndTopic() {
        input("br-1", "BR-2026-03", "KI in der Bürgerkommunikation", "Künstliche Intelligenz");
        input("br-2", "BR-2026-04", "Barrierefreie Formulare", "Teilhabe");
        assertEquals(List.of("BR-2026-03"), inputs("KÜNSTLICHE"));
        assertEquals(List.of("BR-2026-04"), inputs("br-2026-04"));
        assertEquals(List.of("BR-2026-04"), inputs("formulare"));
        assertEquals(List.of("BR-2026-03", "BR-2026-04"), inputs("br-2026"));
    }

    private void input(String macroId, String number, String title, String topic) {
        store.advisory.record(new AdvisoryInput(0, macroId, number, title, "Der Beirat empfiehlt …", topic,
                Set.of(Sector.WISSENSCHAFT), 0, List.of(), LocalDate.of(2026, 6, 3), null,
                new PageRef(99, 1, "DIGI", "Beirat 2026/2"), false, true), "secretary");
    }

    private List<String> inputs(String text) {
        return store.advisory.query(new RegisterQuery<>(new RegisterFilter<>(null, null, Set.of(), null, text,
                false, null), AdvisorySort.NUMBER, SortOrder.ASC, PageRequest.page(1, 25)), List.of(99L)).page().items().stream()
                .map(AdvisoryInput::number).toList();
    }
}
