package de.digitalstrategie.cockpit.advisory.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.advisory.AdvisoryCriteria;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.Dates;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.query.PageRequest;
import de.digitalstrategie.cockpit.query.ResultPage;
import de.digitalstrategie.cockpit.query.SortOrder;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.rest.QueryParameters;
import de.digitalstrategie.cockpit.rest.RestJson;

import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The advisory register over REST, and the city's answer: moved on through its workflow and the
 * board's being told, by the board's chair and secretary only.
 */
@Path("/advisory")
@Produces(MediaType.APPLICATION_JSON)
public class AdvisoryResource {
    private final AdvisoryStore advisory;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final PageLinks links;
    private final Roles roles;
    private final I18nResolver i18n;
    private final LocaleResolver locales;
    private final Clock clock;

    @Inject
    public AdvisoryResource(AdvisoryStore advisory, CommitteeStore committee, PageAccess pages, PageLinks links,
                            Roles roles, I18nResolver i18n, LocaleResolver locales, Clock clock) {
        this.advisory = advisory;
        this.committee = committee;
        this.pages = pages;
        this.links = links;
        this.roles = roles;
        this.i18n = i18n;
        this.locales = locales;
        this.clock = clock;
    }

    @GET
    public Response query(@Context UriInfo uri) {
        MacroParameters p = QueryParameters.of(uri, AdvisoryCriteria.SHAPE.parameters());
        RegisterPage<AdvisoryInput, AnswerStatus> result = advisory.query(RegisterQuery.read(p, AdvisoryCriteria.SHAPE,
                m -> null), pages.viewable(committee.minutesPageIds()));
        Texts t = new Texts(i18n, locales.getLocale());
        List<AdvisoryJson> items = result.page().items().stream()
                .map(i -> json(i, t, result.conflicts().get(i.id()))).toList();
        return RestJson.ok(new ResultPage<>(items, result.page().total(), result.page().offset(), result.page().limit()));
    }

    /** The selected input as CSV or XLSX (?format=csv|xlsx), with the same filters as the query. */
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@Context UriInfo uri) {
        Set<String> known = new java.util.HashSet<>(AdvisoryCriteria.SHAPE.parameters());
        known.add("format");
        MacroParameters p = QueryParameters.of(uri, known);
        de.digitalstrategie.cockpit.export.ExportFormat format = de.digitalstrategie.cockpit.rest.Downloads.format(p);
        RegisterFilter<AnswerStatus, AdvisoryCriteria> filter = RegisterQuery.filter(p, AdvisoryCriteria.SHAPE, m -> null);
        var viewable = pages.viewable(committee.minutesPageIds());
        Texts t = new Texts(i18n, locales.getLocale());
        LocalDate today = LocalDate.now(clock);
        return de.digitalstrategie.cockpit.rest.Downloads.of(AdvisoryExport.table(t, today,
                        each -> advisory.forEach(filter, viewable, each)), format, locales.getLocale(),
                t.plain("cockpit.advisory.heading"), today);
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") String id) {
        AdvisoryInput input = visible(id);
        Texts t = new Texts(i18n, locales.getLocale());
        return RestJson.ok(Map.of("input", json(input, t, advisory.conflict(input.id()).orElse(null)), "history",
                advisory.history(input.id()).stream().map(e -> Map.of("actor", e.actor(), "at", e.at().toString(),
                        "from", String.valueOf(e.from()), "to", e.to(), "comment", e.comment())).toList()));
    }

    /** The city's answer moved on; the body is read (bounded) only once the caller may change it. */
    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("id") String id, InputStream body) {
        String actor = roles.advisoryWriter();
        AdvisoryInput input = visible(id);
        AnswerChange change = RestJson.read(body, AnswerChange.class);
        AnswerStatus to = new MacroParameters(Map.of("status", String.valueOf(change.status())))
                .choice("status", AnswerStatus.class)
                .orElseThrow(() -> ValidationException.of("cockpit.macro.error.missing", "status"));
        advisory.changeAnswer(input.id(), to, actor, Text.optional(change.text(), "cockpit.advisory.answer", Text.LONG));
        return one(id);
    }

    /** The board has been told, on a day within {@link Dates}; the body is read only once the caller may say so. */
    @POST
    @Path("/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("id") String id, InputStream body) {
        String actor = roles.advisoryWriter();
        AdvisoryInput input = visible(id);
        BoardReport report = RestJson.read(body, BoardReport.class);
        advisory.reportToBoard(input.id(), Dates.check(Text.present(report.on(), "cockpit.advisory.column.reported"),
                "cockpit.advisory.column.reported"), actor);
        return one(id);
    }

    private AdvisoryInput visible(String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw NotFoundException.of("cockpit.advisory.error.unknown", id);
        }
        return advisory.find(number).filter(i -> pages.viewable(List.of(i.page().pageId())).contains(i.page().pageId()))
                .orElseThrow(() -> NotFoundException.of("cockpit.advisory.error.unknown", id));
    }

    private AdvisoryJson json(AdvisoryInput i, Texts t, AnswerStatus conflict) {
        return AdvisoryJson.of(i, t.plain(i.answer().status()), LocalDate.now(clock),
                i.page().exists() ? links.page(i.page().pageId()) : null, conflict == null ? null : conflict.name());
    }
}
