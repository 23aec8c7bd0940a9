package de.digitalstrategie.cockpit.schema;

import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryInputEntity;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.store.DecisionEntity;
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
import de.digitalstrategie.cockpit.portfolio.store.ProjectEntity;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.SearchText;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Records written before the registers searched their own column are found once the plugin's
 * upgrade task (model version 1, declared in the {@code <ao>} module) has filled it in.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("de.digitalstrategie.cockpit.testing.DatabaseTarget#all")
class SearchTextUpgradeTest {
    private final DatabaseTarget target;

    SearchTextUpgradeTest(DatabaseTarget target) {
        this.target = target;
    }

    @Test
    void recordsFromBeforeTheSearchColumnAreFoundAfterTheUpgrade() throws Exception {
        Database db = target.fresh();
        try (StoreFixture before = new StoreFixture(db)) {
            before.projects.save(new DigitalProject("DIGI-1", "Freies WLAN", new ProjectProfile("", "", "", "Amt 10",
                    "", ""), new TimeFrame(LocalDate.of(2025, 1, 1), null), 0, 0, ProjectStatus.RUNNING,
                    Phase.OPERATION, Health.GREEN, "it", "3.1", Instant.parse("2026-11-20T10:00:00Z")));
            before.decisions.record(new Decision(0, "mac-1", "LK-2026-07", "Priorisierung OZG-Leistungen", "…",
                    DecisionStatus.PROPOSED, null, 0, 0, List.of(), "Stabsabteilung", null, "",
                    new PageRef(4711, 3, "DIGI", "Lenkungskreis"), false, true), "secretary");
            before.advisory.record(new AdvisoryInput(0, "br-1", "BR-2026-03", "KI im Bürgerservice", "…",
                    "Künstliche Intelligenz", Set.of(Sector.WISSENSCHAFT), 0, List.of(), LocalDate.of(2026, 6, 3),
                    null, new PageRef(99, 1, "DIGI", "Beirat"), false, true), "secretary");
            // The database as the plugin left it before model version 1: no search column, no version.
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                 Statement s = c.createStatement()) {
                for (Class<? extends net.java.ao.RawEntity<?>> entity : List.<Class<? extends net.java.ao.RawEntity<?>>>of(
                        ProjectEntity.class, DecisionEntity.class, AdvisoryInputEntity.class)) {
                    s.execute("ALTER TABLE " + before.ao.qualifiedTable(entity) + " DROP COLUMN "
                            + before.ao.identifier(SearchText.COLUMN));
                }
                s.execute("DELETE FROM " + db.schema() + "." + before.ao.identifier("SANDBOX_AO_MODEL_VERSION"));
            }
        }
        try (StoreFixture after = new StoreFixture(db)) {
            assertEquals(List.of("DIGI-1"), after.projects.query(new PortfolioFilter(Set.of(), Set.of(), Set.of(),
                            Set.of(), Set.of(), "wlan"), Grouping.NONE, PortfolioSort.KEY, SortOrder.ASC,
                    PageRequest.page(1, 10), Set.of("DIGI"), LocalDate.of(2026, 11, 27), List.of()).page().items()
                    .stream().map(DigitalProject::issueKey).toList());
            assertEquals(List.of("LK-2026-07"), after.decisions.query(new RegisterQuery<>(new RegisterFilter<>(null, null,
                            Set.of(), null, "ozg", false, null), DecisionSort.NUMBER, SortOrder.ASC,
                    PageRequest.page(1, 10)), List.of(4711L)).page().items().stream().map(Decision::number).toList());
            assertEquals(List.of("BR-2026-03"), after.advisory.query(new RegisterQuery<>(new RegisterFilter<>(null,
                            null, Set.of(), null, "künstliche", false, null), AdvisorySort.NUMBER, SortOrder.ASC,
                    PageRequest.page(1, 10)), List.of(99L)).page().items().stream().map(AdvisoryInput::number)
                    .toList());
        }
    }
}
