package de.digitalstrategie.cockpit.register.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.export.ExportFormat;
import de.digitalstrategie.cockpit.export.ExportTable;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.query.ResultPage;
import de.digitalstrategie.cockpit.register.PageRecord;
import de.digitalstrategie.cockpit.register.RecordStatus;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.store.RecordStore;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.rest.Downloads;
import de.digitalstrategie.cockpit.rest.QueryParameters;
import de.digitalstrategie.cockpit.rest.RestJson;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A register over REST, written once for every kind: the same query as the register macro, the
 * same selection as CSV or XLSX, and one record with its audit trail; reads show only records on
 * pages the caller may view, and one on a page the caller may not view is reported exactly like
 * one that does not exist. A kind's resource gives its path, its JSON and its export's columns,
 * and adds its own changes ({@link #change}).
 *
 * @param <J>  a record as the kind's JSON shows it
 * @param <RS> the kind's store
 */
public abstract class RegisterResource<R extends PageRecord<S>, S extends Enum<S> & RecordStatus, X,
        T extends Enum<T>, J, RS extends RecordStore<R, S, ?, X, T, ?>> {
    protected final RS register;
    protected final Roles roles;
    protected final Clock clock;
    private final PageLinks links;
    private final RegisterQuery.Shape<S, X, T> shape;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final I18nResolver i18n;
    private final LocaleResolver locales;
    private final String titleKey;

    /** @param titleKey the i18n key of the register's name: its export's title and file name */
    protected RegisterResource(RS register, RegisterQuery.Shape<S, X, T> shape, String titleKey,
                               CommitteeStore committee, PageAccess pages, PageLinks links, Roles roles,
                               I18nResolver i18n, LocaleResolver locales, Clock clock) {
        this.register = register;
        this.roles = roles;
        this.shape = shape;
        this.titleKey = titleKey;
        this.committee = committee;
        this.pages = pages;
        this.links = links;
        this.i18n = i18n;
        this.locales = locales;
        this.clock = clock;
    }

    /** A record as the kind's JSON shows it, with what the register shows beside it. */
    protected abstract J json(R record, RegisterPage<R, S> page, Texts t);

    /** A record and its audit trail, as the kind's JSON names them. */
    protected abstract Object withHistory(J record, List<AuditJson> history);

    /** The columns of the kind's export, in the reader's language. */
    protected abstract List<Exported<R>> export(Texts t);

    @GET
    public Response query(@Context UriInfo uri) {
        MacroParameters p = QueryParameters.of(uri, shape.parameters());
        RegisterPage<R, S> result = register.query(RegisterQuery.read(p, shape, meetingId(p)), viewable());
        Texts t = texts();
        return RestJson.ok(new ResultPage<>(result.page().items().stream().map(r -> json(r, result, t)).toList(),
                result.page().total(), result.page().offset(), result.page().limit()));
    }

    /** The selected records as CSV or XLSX (?format=csv|xlsx), with the same filters as the query. */
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_JSON})
    public Response export(@Context UriInfo uri) {
        Set<String> known = new HashSet<>(shape.parameters());
        known.add("format");
        MacroParameters p = QueryParameters.of(uri, known);
        ExportFormat format = Downloads.format(p);
        RegisterFilter<S, X> filter = RegisterQuery.filter(p, shape, meetingId(p));
        Collection<Long> viewable = viewable();
        Texts t = texts();
        List<Exported<R>> columns = export(t);
        ExportTable table = new ExportTable(t.plain(titleKey), columns.stream()
                .map(c -> new ExportColumn(t.plain(c.labelKey()), c.type())).toList(), row -> register.forEach(filter,
                viewable, r -> row.accept(columns.stream().map(c -> c.value().apply(r)).toList())));
        return Downloads.of(table, format, locales.getLocale(), t.plain(titleKey), LocalDate.now(clock));
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") String id) {
        RegisterPage<R, S> around = register.one(number(id), viewable()).orElseThrow(() -> unknown(id));
        R r = around.page().items().get(0);
        return RestJson.ok(withHistory(json(r, around, texts()),
                register.history(r.id()).stream().map(AuditJson::of).toList()));
    }

    /**
     * A change of a record, answered with the record as it then stands. The caller's role is
     * checked first (the {@code actor} argument refuses a caller without it, 403), then whether the
     * caller may see the record, as {@link #one} would show it (404), and only then is the body read,
     * bounded: a caller without the role is refused before a byte of it is read.
     */
    protected <B> Response change(String actor, String id, InputStream body, Class<B> type, Change<R, B> change) {
        R r = visible(id);
        change.apply(r, RestJson.read(body, type), actor);
        return one(id);
    }

    /**
     * The record as the caller may see it, or 404 as for one that does not exist: for a change
     * whose right depends on the record itself, checked before the body is read.
     */
    protected R visible(String id) {
        return register.one(number(id), viewable()).orElseThrow(() -> unknown(id)).page().items().get(0);
    }

    /** What a change does with the record, the request's body and who asks. */
    @FunctionalInterface
    protected interface Change<R, B> {
        void apply(R record, B body, String actor);
    }

    /** The status a request names, as the register's parameters take it ("ready-for-vote"). */
    protected S status(String name) {
        return new MacroParameters(Map.of("status", String.valueOf(name))).choice("status", shape.statuses())
                .orElseThrow(() -> ValidationException.of("cockpit.macro.error.missing", "status"));
    }

    /** The minutes page's address, for a record from a page. */
    protected String pageUrl(R r) {
        return r.page().exists() ? links.page(r.page().pageId()) : null;
    }

    private long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw unknown(id);
        }
    }

    private NotFoundException unknown(String id) {
        return NotFoundException.of(register.unknownKey(), id);
    }

    /** A REST client names a meeting by its id. */
    private static Function<String, Long> meetingId(MacroParameters p) {
        return m -> (long) p.number("meeting", 0, 1, Integer.MAX_VALUE);
    }

    /** The pages of the register's own records, which cover them (see {@code RecordStore.pageIds}). */
    private Collection<Long> viewable() {
        return pages.viewable(register.pageIds());
    }

    private Texts texts() {
        return new Texts(i18n, locales.getLocale());
    }
}
