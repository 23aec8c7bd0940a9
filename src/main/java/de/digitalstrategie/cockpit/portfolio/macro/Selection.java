package de.digitalstrategie.cockpit.portfolio.macro;

import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.organisation.Department;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.portfolio.DigitalProject;
import de.digitalstrategie.cockpit.portfolio.Grouping;
import de.digitalstrategie.cockpit.portfolio.Health;
import de.digitalstrategie.cockpit.portfolio.Phase;
import de.digitalstrategie.cockpit.portfolio.PortfolioFilter;
import de.digitalstrategie.cockpit.portfolio.ProjectStatus;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.time.LocalDate;
import de.digitalstrategie.cockpit.message.ValidationException;

/**
 * Which projects a portfolio view shows and how it groups them, read from the macro's parameters
 * the same way by the portfolio and the roadmap, with the names of the groups in the viewer's
 * language.
 */
record Selection(PortfolioFilter filter, Grouping grouping, Map<String, String> fieldNames,
                 Map<String, String> departmentNames, Texts texts) {

    /**
     * The author's parameters with the viewer's choices in the request (the filter form, a sort
     * link) put over them, one by one; only {@code names} may be chosen so.
     */
    static MacroParameters withViewerChoices(MacroParameters macro, MacroRequest request, List<String> names) {
        return macro.withViewerChoices(request, names);
    }

    static Selection of(MacroParameters p, OrganisationStore organisation, Texts t) {
        PortfolioFilter filter = new PortfolioFilter(new LinkedHashSet<>(p.list("field")),
                new LinkedHashSet<>(p.list("department")), Set.copyOf(p.choices("phase", Phase.class)),
                Set.copyOf(p.choices("status", ProjectStatus.class)), Set.copyOf(p.choices("health", Health.class)),
                p.text("text").orElse(null));
        Grouping grouping = p.choice("group", Grouping.class).orElse(Grouping.FIELD);
        Map<String, String> fieldNames = new LinkedHashMap<>();
        de.digitalstrategie.cockpit.organisation.Organisation units = organisation.organisation();
        for (FieldOfAction fa : units.fieldsOfAction()) {
            fieldNames.put(fa.key(), fa.name(t.locale()));
        }
        Map<String, String> departmentNames = new LinkedHashMap<>();
        for (Department d : units.departments()) {
            departmentNames.put(d.key(), d.name());
        }
        return new Selection(filter, grouping, fieldNames, departmentNames, t);
    }

    /**
     * The portfolio's CSV and XLSX downloads of the same selection (every selected row, with start
     * and end); none while Jira's answers are missing, as the files would be refused (the notice
     * says why).
     */
    static Views.Downloads downloads(MacroParameters p, MacroRequest request, Visibility visibility) {
        if (!visibility.complete()) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : List.of("field", "department", "phase", "status", "health", "text")) {
            p.text(name).ifPresent(v -> query.put(name, v));
        }
        return Views.Downloads.of(request, "/projects/export", query);
    }

    /**
     * The filter form of both views: the selection and the grouping, with what the viewer chose
     * ({@code p}, the author's parameters with the request's over them) selected.
     */
    Views.FilterForm form(MacroParameters p, MacroRequest request) {
        return form(p, request, false);
    }

    /** @param flagged whether the form offers "only flagged" (the portfolio's; the roadmap shows no flags) */
    Views.FilterForm form(MacroParameters p, MacroRequest request, boolean flagged) {
        Texts t = texts;
        String id = request.instanceKey();
        List<Views.Field> fields = new ArrayList<>();
        fields.add(Views.select(request, "field", t.plain("cockpit.portfolio.column.field"), fieldNames,
                p.list("field")));
        fields.add(Views.select(request, "department", t.plain("cockpit.portfolio.column.department"),
                departmentNames, p.list("department")));
        fields.add(Views.select(request, "phase", t.plain("cockpit.portfolio.column.phase"),
                Views.choices(Phase.values(), t), p.list("phase")));
        fields.add(Views.select(request, "status", t.plain("cockpit.portfolio.column.status"),
                Views.choices(ProjectStatus.values(), t), p.list("status")));
        fields.add(Views.select(request, "health", t.plain("cockpit.portfolio.column.health"),
                Views.choices(Health.values(), t), p.list("health")));
        if (flagged) {
            fields.add(Views.checkbox(request, "flagged", t.plain("cockpit.portfolio.flagged"),
                    p.flag("flagged", false)));
        }
        List<Views.Option> groupings = new ArrayList<>();
        for (Grouping g : Grouping.values()) {
            String value = g.name().toLowerCase(Locale.ROOT);
            groupings.add(new Views.Option(Html.text(value), Html.text(t.plain(g)), g == grouping));
        }
        fields.add(new Views.Field(Html.text(id + "-group"), Html.text(request.ownName("group")),
                Html.text(t.plain("cockpit.portfolio.group")), "", groupings, false));
        fields.add(Views.text(request, "text", t.plain("cockpit.filter.text"), p.text("text", "")));
        fields.add(Views.text(request, "as-of", t.plain("cockpit.history.as-of"), p.text("as-of", "")));
        Map<String, String> reset = new LinkedHashMap<>();
        for (String name : List.of("field", "department", "phase", "status", "health", "text", "group", "page",
                "as-of")) {
            reset.put(request.ownName(name), "");
        }
        if (flagged) {
            reset.put(request.ownName("flagged"), "");
        }
        return new Views.FilterForm(Html.text(t.plain("cockpit.portfolio.filter")), Views.hidden(request), fields,
                Html.text(t.plain("cockpit.filter.submit")), Html.text(request.links().with(reset)),
                Html.text(t.plain("cockpit.filter.reset")));
    }

    /**
     * The day the view shows the portfolio as of ({@code as-of}); empty for today. A day to come
     * has no state yet and is refused, today's is today's.
     */
    static Optional<LocalDate> asOf(MacroParameters p, LocalDate today) {
        Optional<LocalDate> day = p.date("as-of");
        if (day.isPresent() && day.get().isAfter(today)) {
            throw ValidationException.of("cockpit.history.error.future", p.text("as-of", ""));
        }
        return day.filter(d -> d.isBefore(today));
    }

    /** "Stand: 31.12.2025", and that only the history's fields are as of then; "" for today. */
    static String asOfHtml(Optional<LocalDate> asOf, Texts t, de.digitalstrategie.cockpit.render.Formats f) {
        return asOf.map(day -> Html.text(t.plain("cockpit.history.as-of.notice", f.date(day)))).orElse("");
    }

    /** The notice that the lists and sums leave out projects Jira has not answered for yet; "" if none. */
    static String checkingHtml(Visibility visibility, Texts t) {
        return visibility.complete() ? "" : Html.text(t.plain("cockpit.access.unchecked", visibility.unchecked()));
    }

    /** The groups in display order: fields as the strategy lists them, phases in their life cycle. */
    List<String> groupOrder() {
        return switch (grouping) {
            case FIELD -> List.copyOf(fieldNames.keySet());
            case DEPARTMENT -> departmentNames.keySet().stream().sorted().toList();
            case PHASE -> Arrays.stream(Phase.values()).map(Enum::name).toList();
            case NONE -> List.of();
        };
    }

    String groupKey(DigitalProject project) {
        return switch (grouping) {
            case FIELD -> project.fieldOfActionKey();
            case DEPARTMENT -> project.departmentKey();
            case PHASE -> project.phase().name();
            case NONE -> "";
        };
    }

    String groupName(String key) {
        return switch (grouping) {
            case FIELD -> fieldNames.getOrDefault(key, texts.plain("cockpit.portfolio.unassigned"));
            case DEPARTMENT -> departmentNames.getOrDefault(key, texts.plain("cockpit.portfolio.unassigned"));
            case PHASE -> texts.plain(Phase.valueOf(key));
            case NONE -> "";
        };
    }
}
