package de.digitalstrategie.cockpit.decision.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.decision.DecisionCriteria;
import de.digitalstrategie.cockpit.decision.DecisionSort;
import de.digitalstrategie.cockpit.decision.DecisionStatus;
import de.digitalstrategie.cockpit.decision.ImplementationState;
import de.digitalstrategie.cockpit.decision.Vote;
import de.digitalstrategie.cockpit.decision.store.DecisionStore;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.message.AccessDeniedException;
import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.register.rest.AuditJson;
import de.digitalstrategie.cockpit.register.rest.Exported;
import de.digitalstrategie.cockpit.register.rest.RegisterResource;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;

import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The decision register over REST (see {@link RegisterResource}), status changes through the
 * workflow for the committee's secretary and CDO, and the implementation of a decision in force for
 * the unit responsible for it (see {@link Roles}).
 */
@Path("/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource extends RegisterResource<Decision, DecisionStatus, DecisionCriteria, DecisionSort,
        DecisionJson, DecisionStore> {

    @Inject
    public DecisionResource(DecisionStore decisions, CommitteeStore committee, PageAccess pages, PageLinks links,
                            Roles roles, I18nResolver i18n, LocaleResolver locales, Clock clock) {
        super(decisions, DecisionCriteria.SHAPE, "cockpit.register.heading", committee, pages, links, roles, i18n,
                locales, clock);
    }

    /** Moves a decision on through the workflow: 409 if the workflow refuses, 403 without the role. */
    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeStatus(@PathParam("id") String id, InputStream body) {
        return change(roles.decisionWriter(), id, body, StatusChange.class, (d, change, actor) -> {
            DecisionStatus to = status(change.status());
            Vote vote = change.vote() == null || change.vote().isBlank() ? null : Vote.parse(change.vote());
            String comment = Text.optional(change.comment(), "cockpit.rest.field.comment", 2000);
            register.changeStatus(d.id(), to, actor, vote, Text.optional(change.successor(),
                    "cockpit.decision.successor", 40), comment);
        });
    }

    /**
     * Sets how far a decision in force has been carried out, where no Jira issue says so: 403
     * unless the caller represents the unit responsible for it (or is the committee's CDO or
     * secretary), checked before the body is read; 409 for a decision not in force or one that
     * follows its Jira issue.
     */
    @POST
    @Path("/{id}/implementation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeImplementation(@PathParam("id") String id, InputStream body) {
        String actor = roles.actor();
        if (!roles.mayImplement(actor, visible(id).owner())) {
            throw AccessDeniedException.of("cockpit.access.error.implementation");
        }
        return change(actor, id, body, ImplementationRequest.class, (d, change, who) ->
                register.setImplementation(d.id(), ImplementationState.parse(change.state()), who,
                        Text.optional(change.comment(), "cockpit.rest.field.comment", 2000)));
    }

    @Override
    protected DecisionJson json(Decision d, RegisterPage<Decision, DecisionStatus> page, Texts t) {
        DecisionStatus conflict = page.conflicts().get(d.id());
        return new DecisionJson(d.id(), d.number(), d.title(), d.text(), d.status().name(), t.plain(d.status()),
                d.vote() == null ? null : new DecisionJson.VoteJson(d.vote().inFavour(), d.vote().against(),
                        d.vote().abstentions()), d.meetingId(), page.dates().get(d.id()), d.projectKeys(), d.owner(),
                d.dueDate(), d.successor(), page.replacedBy().getOrDefault(d.number(), List.of()), d.page().pageId(),
                pageUrl(d), d.withdrawn(), d.isPublic(), conflict == null ? null : conflict.name(),
                d.implementable() ? new DecisionJson.ImplementationJson(d.implementation().code(),
                        t.plain(d.implementation()), d.jiraIssue().isEmpty() ? null : d.jiraIssue(),
                        d.overdue(LocalDate.now(clock))) : null);
    }

    @Override
    protected Object withHistory(DecisionJson decision, List<AuditJson> history) {
        return new DecisionJson.WithHistory(decision, history);
    }

    @Override
    protected List<Exported<Decision>> export(Texts t) {
        return List.of(new Exported<>("cockpit.register.column.number", ColumnType.TEXT, Decision::number),
                new Exported<>("cockpit.register.column.title", ColumnType.TEXT, Decision::title),
                new Exported<>("cockpit.register.column.status", ColumnType.TEXT, d -> t.plain(d.status())),
                new Exported<>("cockpit.register.column.vote", ColumnType.TEXT,
                        d -> d.vote() == null ? null : d.vote().toString()),
                new Exported<>("cockpit.register.column.projects", ColumnType.TEXT,
                        d -> String.join(", ", d.projectKeys())),
                new Exported<>("cockpit.register.column.owner", ColumnType.TEXT, Decision::owner),
                new Exported<>("cockpit.register.column.due", ColumnType.DATE, Decision::dueDate),
                new Exported<>("cockpit.register.column.implementation", ColumnType.TEXT,
                        d -> d.implementable() ? t.plain(d.implementation()) : null),
                new Exported<>("cockpit.decision.successor", ColumnType.TEXT, Decision::successor),
                new Exported<>("cockpit.decision.text", ColumnType.TEXT, Decision::text),
                new Exported<>("cockpit.export.minutes", ColumnType.TEXT, this::pageUrl));
    }
}
