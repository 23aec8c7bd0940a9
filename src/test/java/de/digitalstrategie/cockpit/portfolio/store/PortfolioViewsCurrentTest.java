package de.digitalstrategie.cockpit.portfolio.store;

import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.PortfolioSort;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.SqlCounter;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Each node keeps the portfolio views it computed; two nodes on one database must still show every
 * change, whichever node made it, on the very next view.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class PortfolioViewsCurrentTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private final StoreFixture a;
    private final StoreFixture b;
    private final ProjectStore nodeA;
    private final ProjectStore nodeB;

    PortfolioViewsCurrentTest(DatabaseTarget target) {
        a = StoreFixture.on(target);
        b = a.node(StoreFixture.CLOCK);
        nodeA = a.projects;
        nodeB = b.projects;
    }

    @AfterEach
    void close() {
        b.close();
        a.close();
    }

    private static DigitalProject project(String key, long budget, Phase phase, String jiraUpdated) {
        return new DigitalProject(key, "Projekt " + key, new ProjectProfile("Beschreibung", "", "", "", "", ""),
                new TimeFrame(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 6, 30)), budget, 0,
                ProjectStatus.RUNNING, phase, Health.GREEN, "it", "3.1", Instant.parse(jiraUpdated));
    }

    private static PortfolioView view(ProjectStore store, Set<String> visible) {
        return store.query(new PortfolioFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null),
                Grouping.NONE, PortfolioSort.BUDGET, SortOrder.DESC, PageRequest.page(1, 25), visible, TODAY,
                List.of());
    }

    private static long budget(PortfolioView view) {
        return view.summary().total().budgetCents();
    }

    /**
     * Which Jira projects the mirror holds is kept under a stamp that only writes adding or removing
     * a combination of the summed figures move: a changed budget reads one stamp row, a new Jira
     * project or the last issue of one leaving is seen by the other node on its next read.
     */
    @Test
    void theJiraProjectsAreReadAgainOnlyWhenACombinationComesOrGoes() {
        nodeA.save(project("DIGI-1", 100, Phase.PLANNING, "2026-11-20T10:00:00Z"));
        nodeA.save(project("DIGI-2", 50, Phase.PLANNING, "2026-11-20T10:00:00Z"));
        assertEquals(Set.of("DIGI"), nodeA.jiraProjects());
        nodeB.save(project("DIGI-2", 60, Phase.PLANNING, "2026-11-21T10:00:00Z"));
        try (SqlCounter sql = new SqlCounter()) {
            assertEquals(Set.of("DIGI"), nodeA.jiraProjects());
            assertEquals(1, sql.statements(), String.join("\n", sql.sql()));
        }
        nodeB.save(project("ORG-1", 40, Phase.PLANNING, "2026-11-22T10:00:00Z"));
        assertEquals(Set.of("DIGI", "ORG"), nodeA.jiraProjects());
        assertTrue(nodeB.remove("ORG-1"));
        assertEquals(Set.of("DIGI"), nodeA.jiraProjects());
    }

    /**
     * The organisation every view names its groups by is kept per node under its stamp: one short
     * read per view while it is unchanged, and a change made on the other node is in the next view.
     */
    @Test
    void theOrganisationIsKeptUntilEitherNodeChangesIt() {
        a.organisation.save(new de.digitalstrategie.cockpit.organisation.FieldOfAction("9.1", "Feld", "Field", 1, ""));
        assertEquals("Feld", a.organisation.fieldsOfAction().get(0).nameDe());
        try (SqlCounter sql = new SqlCounter()) {
            assertEquals("Feld", a.organisation.organisation().fieldsOfAction().get(0).nameDe());
            assertEquals(1, sql.statements(), String.join("\n", sql.sql()));
            assertTrue(sql.sql().get(0).contains("CHANGE_STAMP"), sql.sql().get(0));
        }
        b.organisation.save(new de.digitalstrategie.cockpit.organisation.FieldOfAction("9.1", "Handlungsfeld", "Field",
                1, ""));
        b.organisation.save(new de.digitalstrategie.cockpit.organisation.Department("amt-9", "Amt 9",
                de.digitalstrategie.cockpit.organisation.DepartmentKind.values()[0], ""));
        assertEquals("Handlungsfeld", a.organisation.fieldsOfAction().get(0).nameDe());
        assertTrue(a.organisation.departments().stream().anyMatch(d -> d.key().equals("amt-9")));
    }

    @Test
    void aChangeOnEitherNodeIsInTheOthersNextView() {
        nodeA.save(project("DIGI-1", 100, Phase.PLANNING, "2026-11-20T10:00:00Z"));
        Set<String> digi = Set.of("DIGI");
        assertEquals(100, budget(view(nodeA, digi)));
        assertEquals(100, budget(view(nodeB, digi)));

        nodeB.save(project("DIGI-2", 50, Phase.OPERATION, "2026-11-21T10:00:00Z"));
        assertEquals(150, budget(view(nodeA, digi)), "saved on B, viewed on A");

        assertEquals(List.of("DIGI-1", "DIGI-2"), view(nodeB, digi).page().items().stream()
                .map(DigitalProject::issueKey).toList());
        nodeA.mirror(List.of(new ProjectStore.Mirrored(project("DIGI-2", 170, Phase.OPERATION,
                "2026-11-22T10:00:00Z"), "10002")));
        assertEquals(270, budget(view(nodeB, digi)), "mirrored on A, viewed on B");
        assertEquals(List.of("DIGI-2", "DIGI-1"), view(nodeB, digi).page().items().stream()
                .map(DigitalProject::issueKey).toList());

        nodeB.remove("DIGI-1");
        assertEquals(170, budget(view(nodeA, digi)), "removed on B, viewed on A");
        assertEquals(Set.of("DIGI"), nodeA.jiraProjects());
        nodeB.remove("DIGI-2");
        assertEquals(Set.of(), nodeA.jiraProjects(), "the last project of DIGI removed on B");
    }

    @Test
    void anUnchangedMirrorIsReadOnceAndEachViewerOnlySeesHisProjects() {
        nodeA.save(project("DIGI-1", 100, Phase.PLANNING, "2026-11-20T10:00:00Z"));
        nodeA.save(project("ORG-1", 30, Phase.PLANNING, "2026-11-20T10:00:00Z"));
        PortfolioView first = view(nodeA, Set.of("DIGI", "ORG"));
        assertSame(first, view(nodeA, Set.of("ORG", "DIGI")), "same mirror, same question: the same view");
        assertEquals(30, budget(view(nodeA, Set.of("ORG"))), "another viewer's projects are another view");
        assertEquals(130, budget(view(nodeA, Set.of("DIGI", "ORG"))));

        // What an unchanged mirror costs a view: reading the stamp, nothing else.
        try (SqlCounter sql = new SqlCounter()) {
            view(nodeA, Set.of("DIGI", "ORG"));
            assertEquals(1, sql.statements(), sql.toString());
        }
        nodeB.save(project("ORG-1", 40, Phase.PLANNING, "2026-11-23T10:00:00Z"));
        assertNotSame(first, view(nodeA, Set.of("DIGI", "ORG")));
        assertEquals(140, budget(view(nodeA, Set.of("DIGI", "ORG"))));
    }

    /**
     * What a view computed afresh costs: the stamp with the sums' day (one read), the sum rows summed
     * further per field, phase and health, the budgets per department, the day again (a write that
     * moved it meanwhile makes the view read the sums again) and the page.
     */
    @Test
    void aViewAfterAChangeReadsTheStampAndTheSumsDayTogether() {
        nodeA.save(project("DIGI-1", 100, Phase.PLANNING, "2026-11-20T10:00:00Z"));
        view(nodeA, Set.of("DIGI"));
        nodeB.save(project("DIGI-2", 50, Phase.OPERATION, "2026-11-21T10:00:00Z"));
        try (SqlCounter sql = new SqlCounter()) {
            assertEquals(150, budget(view(nodeA, Set.of("DIGI"))));
            assertEquals(2, sql.sql().stream().filter(s -> s.contains("PORTFOLIO_STAMP")).count(),
                    String.join("\n", sql.sql()));
            assertEquals(5, sql.statements(), String.join("\n", sql.sql()));
            assertEquals(2, sql.sql().stream().filter(s -> s.contains("PORTFOLIO_SUM") && s.contains("GROUP BY"))
                    .count(), String.join("\n", sql.sql()));
        }
    }

    @Test
    void aMovedIssueKeepsItsDependenciesUnderItsNewKey() {
        nodeA.mirror(List.of(
                new ProjectStore.Mirrored(project("DIGI-1", 10, Phase.PLANNING, "2026-11-20T10:00:00Z"), "10001",
                        List.of("DIGI-2")),
                new ProjectStore.Mirrored(project("DIGI-2", 10, Phase.PLANNING, "2026-11-20T10:00:00Z"), "10002"),
                new ProjectStore.Mirrored(project("DIGI-3", 10, Phase.PLANNING, "2026-11-20T10:00:00Z"), "10003",
                        List.of("DIGI-1"))));
        // Jira moved DIGI-1 to ORG-5 (same issue id): what it waits for and who waits for it follow it.
        nodeB.mirror(List.of(new ProjectStore.Mirrored(project("ORG-5", 10, Phase.PLANNING,
                "2026-11-21T10:00:00Z"), "10001", List.of("DIGI-2"))));
        assertEquals(java.util.Map.of("ORG-5", List.of("DIGI-2"), "DIGI-3", List.of("ORG-5")),
                nodeA.blockedBy(List.of("DIGI-1", "DIGI-2", "DIGI-3", "ORG-5")));
        assertEquals(java.util.Map.of(), nodeA.blockedBy(List.of("DIGI-1")), "nothing left under the old key");
        assertEquals(java.util.Map.of("DIGI-2", java.util.Optional.of(LocalDate.of(2027, 6, 30))),
                nodeA.ends(List.of("DIGI-2", "ORG-5"), Set.of("DIGI")), "ends only of projects the viewer may see");
    }
}
