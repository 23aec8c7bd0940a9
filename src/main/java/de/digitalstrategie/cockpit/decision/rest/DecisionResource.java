package de.digitalstrategie.cockpit.decision.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.register.RegisterFilter;
import de.digitalstrategie.cockpit.register.RegisterQuery;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.Text;
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
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The decision register over REST: the same query as the register macro, one decision with its
 * audit trail, and status changes through the workflow for the committee's secretary and CDO.
 * Reads show only decisions on pages the caller may view.
 */
@Path("/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {
    private final DecisionStore decisions;
    private final CommitteeStore committee;
    private final PageAccess pages;
    private final PageLinks links;
    private final Roles roles;
    private final I18nResolver i18n;
    private final LocaleResolver locales;

    @Inject
    public DecisionResource(DecisionStore decisions, CommitteeStore committee, PageAccess pages, PageLinks links,
                            Roles roles, I18nResolver i18n, LocaleResolver locales) {
        this.decisions = decisions;
        this.committee = committee;
        this.pages = pages;
        this.links = links;
        this.roles = roles;
        this.i18n = i18n;
        this.locales = locales;
    }

    @GET
    public Response query(@Context UriInfo uri) {
        MacroParameters p = QueryParameters.of(uri, DecisionCriteria.SHAPE.parameters());
        RegisterPage<Decision, DecisionStatus> result = decisions.query(RegisterQuery.read(p, DecisionCriteria.SHAPE,
                m -> (long) p.number("meeting", 0, 1, Integer.MAX_VALUE)), viewable());
        Texts t = new Texts(i18n, locales.getLocale());
        List<DecisionJson> items = result.page().items().stream().map(d -> json(d, result, t)).toList();
        return RestJson.ok(new ResultPage<>(items, result.page().total(), result.page().offset(), result.page().limit()));
    }

    /** The selected decisions as CSV or XLSX (?format=csv|xlsx), with the same filters as the query. */
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
    public Response export(@Context UriInfo uri) {
        Set<String> known = new java.util.HashSet<>(DecisionCriteria.SHAPE.parameters());
        known.add("format");
        MacroParameters p = QueryParameters.of(uri, known);
        de.digitalstrategie.cockpit.export.ExportFormat format = de.digitalstrategie.cockpit.rest.Downloads.format(p);
        RegisterFilter<DecisionStatus, DecisionCriteria> filter = RegisterQuery.filter(p, DecisionCriteria.SHAPE,
                m -> (long) p.number("meeting", 0, 1, Integer.MAX_VALUE));
        Collection<Long> viewable = viewable();
        Texts t = new Texts(i18n, locales.getLocale());
        return de.digitalstrategie.cockpit.rest.Downloads.of(DecisionExport.table(t, links::page,
                        each -> decisions.forEach(filter, viewable, each)), format, locales.getLocale(),
                t.plain("cockpit.register.heading"), java.time.LocalDate.now());
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") String id) {
        long number = visible(id).id();
        Texts t = new Texts(i18n, locales.getLocale());
        RegisterPage<Decision, DecisionStatus> around = decisions.one(number, viewable())
                .orElseThrow(() -> NotFoundException.of("cockpit.decision.error.unknown", id));
        Decision d = around.page().items().get(0);
        return RestJson.ok(new DecisionJson.WithHistory(json(d, around, t),
                decisions.history(d.id()).stream().map(DecisionJson.AuditJson::of).toList()));
    }

    /**
     * Moves a decision on through the workflow: 409 if the workflow refuses, 403 without the role.
     * The body is a stream, read (bounded) only once the caller may make the change: a caller
     * without the role is refused before a byte of it is read.
     */
    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeStatus(@PathParam("id") String id, InputStream body) {
        String actor = roles.decisionWriter();
        Decision d = visible(id);
        StatusChange change = RestJson.read(body, StatusChange.class);
        MacroParameters p = new MacroParameters(java.util.Map.of("status", String.valueOf(change.status())));
        DecisionStatus to = p.choice("status", DecisionStatus.class)
                .orElseThrow(() -> de.digitalstrategie.cockpit.message.ValidationException.of(
                        "cockpit.macro.error.missing", "status"));
        Vote vote = change.vote() == null || change.vote().isBlank() ? null : Vote.parse(change.vote());
        String comment = Text.optional(change.comment(), "cockpit.rest.field.comment", 2000);
        String successor = Text.optional(change.successor(), "cockpit.decision.successor", 40);
        decisions.changeStatus(d.id(), to, actor, vote, successor, comment);
        return one(id);
    }

    private Decision visible(String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw NotFoundException.of("cockpit.decision.error.unknown", id);
        }
        // A decision on a page the caller may not view is reported exactly like one that does not exist.
        return decisions.find(number).filter(d -> pages.viewable(List.of(d.page().pageId())).contains(d.page().pageId()))
                .orElseThrow(() -> NotFoundException.of("cockpit.decision.error.unknown", id));
    }

    private Collection<Long> viewable() {
        return pages.viewable(committee.minutesPageIds());
    }

    private DecisionJson json(Decision d, RegisterPage<Decision, DecisionStatus> page, Texts t) {
        DecisionStatus conflict = page.conflicts().get(d.id());
        return DecisionJson.of(d, t.plain(d.status()), page.dates().get(d.id()),
                page.replacedBy().getOrDefault(d.number(), List.of()),
                d.page().exists() ? links.page(d.page().pageId()) : null, conflict == null ? null : conflict.name());
    }
}
