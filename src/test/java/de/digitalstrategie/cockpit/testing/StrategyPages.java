package de.digitalstrategie.cockpit.testing;

import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.Places;
import de.digitalstrategie.cockpit.sandbox.Sandbox;
import de.digitalstrategie.cockpit.sandbox.confluence.SandboxPage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static de.digitalstrategie.cockpit.testing.SandboxFixture.macro;

/**
 * Strategy pages in the sandbox as the staff unit writes them: a page tree named as the strategy
 * places, and pages under it with a goal and its indicator card, saved by the CDO so that their
 * statuses are taken. The hardening tests put their markers into every text a goal, a card and a
 * measured value have.
 */
public final class StrategyPages {
    /** Who saves the pages: the staff unit, whose goal statuses the register takes. */
    public static final String EDITOR = "cdo";

    private StrategyPages() {
    }

    /** Makes a page at the top of the demo space and names its tree as the strategy places; returns its id. */
    public static long place(Sandbox sandbox) {
        SandboxPage top = sandbox.pages.create("DIGI", "Strategie (Test)", "<p>Handlungsfelder</p>", Set.of(), "page");
        sandbox.minutesPlaces.save(MinutesPlaces.STRATEGY, new Places(Set.of(), Set.of(top.getId())));
        return top.getId();
    }

    /**
     * A page under the strategy places' top with one adopted goal and one indicator card collected by
     * {@code responsible}; {@code text} is put into every text of both, so a marker there marks them.
     */
    public static SandboxPage page(Sandbox sandbox, long top, String title, Set<String> restrictedTo, String goal,
                                   String indicator, String responsible, String text) {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("number", goal);
        g.put("title", "Ziel " + text);
        g.put("field", "3.4");
        g.put("status", "adopted");
        g.put("projects", "DIGI-1");
        Map<String, String> i = new LinkedHashMap<>();
        i.put("key", indicator);
        i.put("goal", goal);
        i.put("name", "Kennzahl " + text);
        i.put("measures", "Misst " + text);
        i.put("rationale", "Weil " + text);
        i.put("unit", "%");
        i.put("direction", "higher-is-better");
        i.put("baseline", "12");
        i.put("baseline-date", "2023-12-31");
        i.put("target", "90");
        i.put("target-date", "2030-12-31");
        i.put("source", "Quelle " + text);
        i.put("responsible", responsible);
        i.put("rhythm", "quarterly");
        SandboxPage page = sandbox.pages.create(sandbox.pages.reserveId(), "DIGI", top, title,
                "<h1>Ziele</h1>" + macro("strategy-goal", g, "<p>Beschreibung " + text + "</p>")
                        + macro("strategy-indicator", i, null), restrictedTo, "page", EDITOR);
        sandbox.settle();
        return page;
    }
}
