package de.digitalstrategie.cockpit.portfolio.macro;

import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.DepartmentKind;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.ProjectProfile;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.portfolio.TimeFrame;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views;
import de.digitalstrategie.cockpit.sandbox.ao.Database;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.testing.DatabaseTarget;
import de.digitalstrategie.cockpit.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which projects the portfolio and the roadmap show and how they group them, read from the
 * author's parameters and the viewer's choices, with the filter form that offers those choices.
 */
class SelectionTest {
    private final StoreFixture store = StoreFixture.on(new DatabaseTarget("H2", Database.Kind.H2));
    private final Texts german = new Texts(new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN),
            Locale.GERMAN);

    SelectionTest() {
        store.organisation.save(new FieldOfAction("3.2", "Bildung", "Education", 2, ""));
        store.organisation.save(new FieldOfAction("3.1", "Verwaltung", "Administration", 1, ""));
        store.organisation.save(new Department("tiefbau", "Tiefbauamt", DepartmentKind.FACHBEREICH, ""));
        store.organisation.save(new Department("it", "IT & Digitales", DepartmentKind.STABSABTEILUNG, ""));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static MacroParameters parameters(String... nameValue) {
        Map<String, String> raw = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            raw.put(nameValue[i], nameValue[i + 1]);
        }
        return new MacroParameters(raw);
    }

    private Selection selection(String... nameValue) {
        return Selection.of(parameters(nameValue), store.organisation, german);
    }

    private MacroRequest view(Map<String, List<String>> query) {
        return new MacroRequest(german, new Formats(Locale.GERMAN), true, "m1", query, 4711, LocalDate.of(2026, 11, 27),
                "/confluence", null);
    }

    private static DigitalProject project(String field, String department, Phase phase) {
        return new DigitalProject("DIGI-1", "Projekt", ProjectProfile.EMPTY, new TimeFrame(null, null), 0, 0,
                ProjectStatus.RUNNING, phase, Health.GREEN, department, field, Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void theFilterIsReadFromTheParameters() {
        Selection s = selection("field", "3.1, 3.2", "department", "it", "phase", "implementation, Operation",
                "status", "running", "health", "red", "text", "  Schule ");
        assertEquals(new PortfolioFilter(Set.of("3.1", "3.2"), Set.of("it"), Set.of(Phase.IMPLEMENTATION,
                Phase.OPERATION), Set.of(ProjectStatus.RUNNING), Set.of(Health.RED), "Schule"), s.filter());
        assertEquals(Grouping.FIELD, s.grouping(), "grouped by field of action unless the author says otherwise");
        assertEquals(PortfolioFilter.ALL, selection().filter());
        ValidationException e = assertThrows(ValidationException.class, () -> selection("phase", "umsetzung"));
        assertEquals("cockpit.macro.error.choice", e.userMessage().key(), "a German label is not a phase's name");
    }

    @Test
    void groupsComeInTheOrderOfTheirKind() {
        assertEquals(List.of("3.1", "3.2"), selection().groupOrder(), "fields as the strategy numbers them");
        assertEquals(List.of("it", "tiefbau"), selection("group", "department").groupOrder());
        assertEquals(List.of("IDEA", "PLANNING", "IMPLEMENTATION", "OPERATION", "COMPLETED"),
                selection("group", "phase").groupOrder(), "phases in their life cycle");
        assertEquals(List.of(), selection("group", "none").groupOrder());
    }

    @Test
    void eachProjectIsInTheGroupOfItsKeyUnderTheNameInTheViewersLanguage() {
        DigitalProject p = project("3.2", "tiefbau", Phase.IMPLEMENTATION);
        Selection byField = selection();
        assertEquals("3.2", byField.groupKey(p));
        assertEquals("Bildung", byField.groupName("3.2"));
        assertEquals("Ohne Zuordnung", byField.groupName("9.9"), "a key no longer in the organisation");
        Selection byDepartment = selection("group", "department");
        assertEquals("tiefbau", byDepartment.groupKey(p));
        assertEquals("Tiefbauamt", byDepartment.groupName("tiefbau"));
        Selection byPhase = selection("group", "phase");
        assertEquals("IMPLEMENTATION", byPhase.groupKey(p));
        assertEquals("Umsetzung", byPhase.groupName("IMPLEMENTATION"));
        assertEquals("", selection("group", "none").groupKey(p));
        assertEquals("Education", Selection.of(parameters(), store.organisation,
                new Texts(new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN), Locale.ENGLISH))
                .groupName("3.2"));
    }

    @Test
    void theViewersChoicesOverrideTheAuthorsOnlyWhereTheyMayAndOnlyWhenGiven() {
        MacroParameters author = parameters("phase", "planning", "text", "Schule", "page-size", "10");
        Map<String, List<String>> query = Map.of("m1.phase", List.of("operation"), "m1.text", List.of("  "),
                "m1.page-size", List.of("500"), "m2.phase", List.of("idea"), "phase", List.of("completed"));
        MacroParameters p = Selection.withViewerChoices(author, view(query), List.of("phase", "text", "sort"));
        assertEquals(Optional.of("operation"), p.text("phase"), "the viewer's own choice");
        assertEquals(Optional.of("Schule"), p.text("text"), "a blank choice leaves the author's value");
        assertEquals(Optional.empty(), p.text("page-size"), "not one the viewer may choose: left out");
        MacroRequest export = new MacroRequest(german, new Formats(Locale.GERMAN), false, "m1", query, 4711,
                LocalDate.of(2026, 11, 27), "", null);
        assertEquals(Optional.of("planning"), Selection.withViewerChoices(author, export, List.of("phase"))
                .text("phase"), "an export shows what the author wrote");
    }

    private static Map<String, Boolean> selected(Views.Field field) {
        Map<String, Boolean> options = new LinkedHashMap<>();
        field.options().forEach(o -> options.put(o.valueHtml(), o.selected()));
        return options;
    }

    @Test
    void theFormShowsTheChoicesMadeAndKeepsThePageAndOtherMacros() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("pageId", List.of("4711"));
        query.put("m2.page", List.of("3"));
        query.put("m1.phase", List.of("IMPLEMENTATION"));
        query.put("m1.text", List.of("\"><script>alert(1)</script>"));
        MacroRequest request = view(query);
        MacroParameters p = Selection.withViewerChoices(parameters("group", "phase", "department", "it"), request,
                List.of("phase", "text", "group", "department"));
        Views.FilterForm form = Selection.of(p, store.organisation, german).form(p, request);

        Map<String, Views.Field> fields = form.fields().stream()
                .collect(Collectors.toMap(Views.Field::nameHtml, f -> f, (a, b) -> a, LinkedHashMap::new));
        assertEquals(List.of("m1.field", "m1.department", "m1.phase", "m1.status", "m1.health", "m1.group", "m1.text",
                        "m1.as-of"), List.copyOf(fields.keySet()));
        assertEquals(Map.of("", true, "3.1", false, "3.2", false), selected(fields.get("m1.field")),
                "nothing chosen: any");
        assertEquals(true, selected(fields.get("m1.department")).get("it"), "the author's choice");
        assertEquals(true, selected(fields.get("m1.phase")).get("implementation"), "the viewer's, in any case");
        assertEquals(false, selected(fields.get("m1.phase")).get(""));
        assertEquals(true, selected(fields.get("m1.group")).get("phase"));
        assertEquals("IT &amp; Digitales", fields.get("m1.department").options().stream()
                .filter(o -> o.valueHtml().equals("it")).findFirst().orElseThrow().labelHtml(), "labels are escaped");
        assertEquals("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", fields.get("m1.text").valueHtml(),
                "the text searched for is shown, escaped");
        assertEquals(List.of("pageId=4711", "m2.page=3"), form.hidden().stream()
                .map(h -> h.nameHtml() + "=" + h.valueHtml()).toList(), "the page and another macro's state stay");
        assertEquals("?pageId=4711&amp;m2.page=3", form.resetUrlHtml(), "reset clears this macro's choices only");
    }

    @Test
    void downloadsCarryTheSelectionAndOnlyOnceJiraHasAnswered() {
        MacroParameters p = parameters("field", "3.1", "phase", "planning", "text", "a&b", "sort", "title",
                "page", "2");
        Views.Downloads d = Selection.downloads(p, view(Map.of()), new Visibility(Set.of("DIGI"), 0));
        assertEquals("/confluence/rest/cockpit/1.0/projects/export?field=3.1&amp;phase=planning&amp;text=a%26b"
                + "&amp;format=csv", d.csvUrlHtml(), "what is shown, not how it is sorted or paged");
        assertTrue(d.xlsxUrlHtml().endsWith("format=xlsx"));
        assertNull(Selection.downloads(p, view(Map.of()), new Visibility(Set.of("DIGI"), 2)),
                "a file would lack what Jira has not answered yet");
        assertEquals("", Selection.checkingHtml(new Visibility(Set.of("DIGI"), 0), german));
        assertTrue(Selection.checkingHtml(new Visibility(Set.of("DIGI"), 2), german)
                .startsWith("2 Jira-Projekte werden noch mit Jira abgeglichen"));
    }
}
