package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.committee.BodyKind;
import de.digitalstrategie.cockpit.committee.Member;
import de.digitalstrategie.cockpit.committee.MemberRole;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;
import de.digitalstrategie.cockpit.strategy.store.Indicators;
import de.digitalstrategie.cockpit.testing.SandboxFixture;
import de.digitalstrategie.cockpit.testing.StrategyPages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Indicator cards saved on strategy pages in the sandbox, by their page events as in Confluence,
 * and the cards as the page then shows them: a definition changed by someone without the staff
 * unit's role stays as recorded and the card says so, as a goal's status does; a key belongs to one
 * card, and a refused card says why in the reader's language.
 */
class IndicatorCardPagesTest {
    /** May edit the page, has no role of the staff unit. */
    private static final String EDITOR = "mitarbeiterin";
    private final SandboxFixture fixture = SandboxFixture.empty();
    private final Indicators indicators = fixture.sandbox.plugin.bean(Indicators.class);
    private final long top = StrategyPages.place(fixture.sandbox);

    IndicatorCardPagesTest() {
        CommitteeStore committee = fixture.sandbox.plugin.bean(CommitteeStore.class);
        committee.save(new Body("lenkungskreis", BodyKind.STEERING_COMMITTEE, "Lenkungskreis", true));
        committee.save(new Member("lenkungskreis", StrategyPages.EDITOR, "CDO", MemberRole.CDO, null, "", true));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static String card(String key, String target, String responsible) {
        Map<String, String> i = new LinkedHashMap<>();
        i.put("key", key);
        i.put("goal", "ZIEL-T-1");
        i.put("name", "Online-Anteil");
        i.put("unit", "%");
        i.put("direction", "higher-is-better");
        i.put("baseline", "12");
        i.put("baseline-date", "2023-12-31");
        i.put("target", target);
        i.put("target-date", "2030-12-31");
        i.put("responsible", responsible);
        i.put("rhythm", "quarterly");
        return macro("strategy-indicator", i, null);
    }

    private SandboxPage page(String title, String body) {
        SandboxPage page = fixture.sandbox.pages.create(fixture.sandbox.pages.reserveId(), "DIGI", top, title,
                "<h1>Ziele</h1>" + body, Set.of(), "page", StrategyPages.EDITOR);
        fixture.sandbox.settle();
        return page;
    }

    private SandboxPage save(SandboxPage page, String body, String editor) {
        SandboxPage saved = fixture.sandbox.pages.update(page.getId(), "<h1>Ziele</h1>" + body, editor);
        fixture.sandbox.settle();
        return saved;
    }

    private String view(SandboxPage page, Locale locale) {
        return fixture.render(page.getBodyAsString(), StrategyPages.EDITOR, locale, Map.of(), "display", page);
    }

    @Test
    void aCardsDefinitionSavedWithoutTheRoleIsAConflictTheCardShows() {
        SandboxPage page = page("Handlungsfeld Verwaltung", card("T-1.1", "90", "Stabsstelle Digitalisierung"));
        assertFalse(view(page, Locale.GERMAN).contains("weicht vom Register ab"));

        page = save(page, card("T-1.1", "50", "Bürgerservice"), EDITOR);
        Indicator kept = indicators.find("T-1.1", Set.of(page.getId())).orElseThrow();
        assertEquals(0, new BigDecimal("90").compareTo(kept.target()), "the target stays as the staff unit set it");
        assertEquals("Stabsstelle Digitalisierung", kept.responsibleUnit(), "so does who enters values");
        String german = view(page, Locale.GERMAN);
        assertTrue(german.contains("Die Karte auf der Seite weicht vom Register ab bei: Zielwert, Verantwortliche "
                + "Stelle."), german);
        assertTrue(german.contains("90 % am 31.12.2030") && !german.contains("50 %"), "the register's card is shown");
        assertTrue(view(page, Locale.ENGLISH).contains("The card on the page differs from the register in: Target, "
                + "Responsible unit."));

        page = save(page, card("T-1.1", "50", "Bürgerservice"), "cdo");
        Indicator changed = indicators.find("T-1.1", Set.of(page.getId())).orElseThrow();
        assertEquals(0, new BigDecimal("50").compareTo(changed.target()), "the staff unit's save is taken");
        assertEquals("Bürgerservice", changed.responsibleUnit());
        String taken = view(page, Locale.GERMAN);
        assertFalse(taken.contains("weicht vom Register ab"), taken);
        assertTrue(taken.contains("50 % am 31.12.2030"));
    }

    @Test
    void aKeyBelongsToOneCardAndMovesWhenItsCardIsGone() {
        SandboxPage first = page("Handlungsfeld Verwaltung", card("T-2.1", "90", "Bürgerservice"));
        SandboxPage second = page("Handlungsfeld Bildung", card("T-2.1", "70", "Schulen"));
        assertEquals(List.of(first.getId()), indicators.ofPage(first.getId()).stream()
                .map(i -> i.page().pageId()).toList());
        assertTrue(indicators.ofPage(second.getId()).isEmpty());
        String refused = view(second, Locale.GERMAN);
        assertTrue(refused.contains("aui-message-error") && refused.contains("Nicht erfasst: Der Indikator T-2.1 ist "
                + "auf einer anderen Seite angelegt."), refused);
        assertTrue(view(second, Locale.ENGLISH).contains("Not recorded: indicator T-2.1 is declared on another page."));

        // Twice on one page: the first card is the indicator, the second is refused and says so.
        first = save(first, card("T-2.1", "90", "Bürgerservice") + card("T-2.1", "80", "Finanzen"), "cdo");
        assertEquals(1, indicators.ofPage(first.getId()).size());
        assertEquals("Bürgerservice", indicators.find("T-2.1", Set.of(first.getId())).orElseThrow().responsibleUnit());
        String twice = view(first, Locale.GERMAN);
        int box = twice.indexOf("Nicht erfasst: Der Indikator T-2.1 hat auf dieser Seite schon eine Karte.");
        assertTrue(box > twice.indexOf("90 %") && box < twice.indexOf("80 %"), twice);
        assertEquals(box, twice.lastIndexOf("Nicht erfasst"), "only the second card is refused");

        // Cut from the first page, the card's key is free for the second, which takes it (and its values)
        // when the staff unit saves it: saved by someone else, the card says what it waits for.
        save(first, "<p>Karte verschoben.</p>", "cdo");
        second = save(second, card("T-2.1", "70", "Schulen"), EDITOR);
        assertTrue(indicators.ofPage(second.getId()).isEmpty());
        String waiting = view(second, Locale.GERMAN);
        assertTrue(waiting.contains("Noch nicht erfasst: Der Indikator T-2.1 war auf einer anderen Seite angelegt."),
                waiting);
        second = save(second, card("T-2.1", "70", "Schulen"), "cdo");
        Indicator moved = indicators.find("T-2.1", Set.of(second.getId())).orElseThrow();
        assertEquals("Schulen", moved.responsibleUnit());
        assertFalse(view(second, Locale.GERMAN).contains("Nicht erfasst"));
    }
}
