package de.digitalstrategie.cockpit.register.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.register.PageRecord;
import de.digitalstrategie.cockpit.register.RecordStatus;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.store.RecordStore;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views;
import de.digitalstrategie.cockpit.render.Views.Column;
import de.digitalstrategie.cockpit.render.Views.Field;
import de.digitalstrategie.cockpit.render.Views.Option;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A register macro: the records of one kind from all spaces, as far as the viewer may see their
 * minutes pages, filtered, sorted and paged in the database, each with a link back to its minutes
 * page, a filter form and the downloads of the same selection. The viewer's choices in the request
 * override the page author's parameters, one by one. Written once for every kind; a kind's macro
 * gives its columns, its rows and its filter form.
 *
 * @param <W> a row of the kind's table, as its template shows it
 */
public abstract class RegisterMacro<R extends PageRecord<S>, S extends Enum<S> & RecordStatus, X, T extends Enum<T>, W>
        extends CockpitMacro {
    protected final RecordStore<R, S, ?, X, T, ?> register;
    protected final JiraLinks jira;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final PageLinks pageLinks;
    private final Table<S, X, T> table;

    /**
     * What a kind's register shows.
     *
     * @param template   its template
     * @param captionKey the i18n key of the table's caption ({0}: how many records)
     * @param export     the REST path of its export
     */
    public record Table<S extends Enum<S>, X, T extends Enum<T>>(RegisterQuery.Shape<S, X, T> shape,
                                                                     List<Column<T>> columns, String template,
                                                                     String captionKey, String export) {
    }

    /** The page as its template shows it; every value escaped. */
    public record View<W>(String idHtml, String captionHtml, Views.FilterForm form, List<Views.Header> headers,
                          List<W> rows, Views.Pager pager, Views.Downloads downloads) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    protected RegisterMacro(MacroRenderer renderer, RecordStore<R, S, ?, X, T, ?> register, CommitteeStore committee,
                            PageAccess pages, PageLinks pageLinks, JiraLinks jira, Table<S, X, T> table) {
        super(renderer);
        this.register = register;
        this.committee = committee;
        this.pages = pages;
        this.pageLinks = pageLinks;
        this.jira = jira;
        this.table = table;
    }

    /** One row of the table. */
    protected abstract W row(R record, RegisterPage<R, S> page, MacroRequest request);

    /**
     * The table's caption: how many records the selection holds; a kind may add what it counts of
     * the same selection on the same pages.
     */
    protected String caption(RegisterQuery<S, X, T> query, RegisterPage<R, S> result, Collection<Long> viewable,
                             MacroRequest request) {
        return request.texts().plain(table.captionKey(), request.formats().number(result.page().total()));
    }

    /** The rows of the table: a kind overrides it to share what all its rows ask of the viewer. */
    protected List<W> rows(RegisterPage<R, S> page, MacroRequest request) {
        return page.page().items().stream().map(r -> row(r, page, request)).toList();
    }

    /**
     * The note beside a record whose page claims a status the register did not apply, saying why
     * as the record macro does: the workflow refused it ({@code conflictKey}), or someone without
     * the role saved it ({@code conflictKey + ".role"}); "" where there is none.
     */
    protected static <R extends PageRecord<S>, S extends Enum<S> & RecordStatus> String conflictHtml(
            R record, RegisterPage<R, S> page, Texts t, String conflictKey) {
        S claimed = page.conflicts().get(record.id());
        if (claimed == null) {
            return "";
        }
        String key = page.byNoRole().contains(record.id()) ? conflictKey + ".role" : conflictKey;
        return Html.text(t.plain(key, t.plain(claimed), t.plain(record.status())));
    }

    /**
     * The filter form's fields.
     *
     * @param meetings the meetings of the body the viewer may see, where the register filters by meeting
     */
    protected abstract void form(MacroParameters p, List<Meeting> meetings, Form form, MacroRequest request);

    @Override
    protected final String render(MacroParameters macro, String body, MacroRequest request) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String name : table.shape().parameters()) {
            request.own(name).or(() -> macro.text(name)).ifPresent(v -> chosen.put(name, v));
        }
        MacroParameters p = new MacroParameters(chosen);
        Texts t = request.texts();
        boolean byMeeting = table.shape().filters().contains("meeting");
        // The register's own pages (and, for its meeting filter, the minutes pages), in one check.
        Collection<Long> viewable = pages.viewable(byMeeting ? register.pageIds().with(committee.minutesPageIds())
                : register.pageIds());
        // The meetings the viewer may see, for the filter's options, its error message and its
        // choice: a meeting minuted on a page the viewer may not view is refused exactly like a
        // number that was never a meeting's, and gives no option and no year away.
        List<Meeting> meetings = !byMeeting ? List.of() : committee.bodies()
                .stream().filter(b -> b.kind() == register.kind().body())
                .flatMap(b -> committee.meetings(b.key()).stream())
                .filter(m -> m.pageId() == 0 || viewable.contains(m.pageId())).toList();
        RegisterQuery<S, X, T> query = RegisterQuery.read(p, table.shape(), number -> meetings.stream()
                .filter(m -> m.number().equals(number) || String.valueOf(m.id()).equals(number)).findFirst()
                .map(Meeting::id)
                .orElseThrow(() -> ValidationException.of("cockpit.macro.error.choice", "meeting", number,
                        String.join(", ", meetings.stream().map(Meeting::number).toList()))));
        RegisterPage<R, S> result = register.query(query, viewable);
        List<W> rows = rows(result, request);
        Views.FilterForm filters = null;
        if (request.interactive()) {
            Form form = new Form(p, request);
            form(p, meetings, form, request);
            filters = form.build();
        }
        // The downloads carry the selection as the export reads it: a meeting by its id.
        Map<String, String> selection = new LinkedHashMap<>();
        for (String name : table.shape().filters()) {
            p.text(name).ifPresent(v -> selection.put(name, name.equals("meeting")
                    ? String.valueOf(query.filter().meetingId()) : v));
        }
        return renderer.render(table.template(), request, new View<>(Html.text(request.instanceKey()),
                Html.text(caption(query, result, viewable, request)), filters,
                Views.headers(table.columns(), query.sort(), query.order(), request), rows,
                Views.pager(result.page(), request), Views.Downloads.of(request, table.export(), selection)));
    }

    /** The link to a record on its minutes page, "" for a record from no page. */
    protected String minutesUrl(PageRecord<?> r) {
        return r.page().exists() ? Html.url(pageLinks.page(r.page().pageId())) + "#" + register.kind().anchor() + "-"
                + Html.text(r.number()) : "";
    }

    /** The filter form of one rendering: each field a select or a text field, reset together. */
    protected static final class Form {
        private final MacroParameters p;
        private final MacroRequest request;
        private final List<Field> fields = new ArrayList<>();
        private final Map<String, String> reset = new LinkedHashMap<>();
        private String legendKey = "";

        private Form(MacroParameters p, MacroRequest request) {
            this.p = p;
            this.request = request;
        }

        public Form legend(String key) {
            legendKey = key;
            return this;
        }

        /** A choice among {@code values} (value to label), and "any"; {@code chosen} is the current value. */
        public Form select(String name, String labelKey, Map<String, String> values, String chosen) {
            List<Option> options = new ArrayList<>();
            options.add(new Option("", Html.text(request.texts().plain("cockpit.filter.any")), chosen.isEmpty()));
            values.forEach((v, l) -> options.add(new Option(Html.text(v), Html.text(l), v.equals(chosen))));
            return field(name, labelKey, "", options);
        }

        /** A choice among an enum's values, named as its labels, as the parameter takes them. */
        public <E extends Enum<E> & de.digitalstrategie.cockpit.message.Labelled> Form select(String name,
                                                                                           String labelKey,
                                                                                           E[] values) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (E value : values) {
                labels.put(value.name().toLowerCase(Locale.ROOT).replace('_', '-'), request.texts().plain(value));
            }
            return select(name, labelKey, labels, p.text(name, "").toLowerCase(Locale.ROOT));
        }

        public Form text(String name, String labelKey) {
            return field(name, labelKey, Html.text(p.text(name, "")), List.of());
        }

        private Form field(String name, String labelKey, String valueHtml, List<Option> options) {
            fields.add(new Field(Html.text(request.instanceKey() + "-" + name), Html.text(request.ownName(name)),
                    Html.text(request.texts().plain(labelKey)), valueHtml, options, false));
            reset.put(request.ownName(name), "");
            return this;
        }

        private Views.FilterForm build() {
            Texts t = request.texts();
            reset.put(request.ownName("page"), "");
            return new Views.FilterForm(Html.text(t.plain(legendKey)), Views.hidden(request), fields,
                    Html.text(t.plain("cockpit.filter.submit")), Html.text(request.links().with(reset)),
                    Html.text(t.plain("cockpit.filter.reset")));
        }
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
