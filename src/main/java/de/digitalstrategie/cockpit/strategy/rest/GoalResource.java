package de.digitalstrategie.cockpit.strategy.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.register.rest.AuditJson;
import de.digitalstrategie.cockpit.register.rest.Exported;
import de.digitalstrategie.cockpit.register.rest.RegisterResource;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.strategy.Goal;
import de.digitalstrategie.cockpit.strategy.GoalCriteria;
import de.digitalstrategie.cockpit.strategy.GoalSort;
import de.digitalstrategie.cockpit.strategy.GoalStatus;
import de.digitalstrategie.cockpit.strategy.store.GoalStore;

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
import java.util.List;

/**
 * The goal register over REST (see {@link RegisterResource}), and status changes through the
 * goal's workflow for the staff unit (see {@link Roles#mayChangeGoals}).
 */
@Path("/goals")
@Produces(MediaType.APPLICATION_JSON)
public class GoalResource extends RegisterResource<Goal, GoalStatus, GoalCriteria, GoalSort, GoalJson, GoalStore> {

    @Inject
    public GoalResource(GoalStore goals, CommitteeStore committee, PageAccess pages, PageLinks links, Roles roles,
                        I18nResolver i18n, LocaleResolver locales, Clock clock) {
        super(goals, GoalCriteria.SHAPE, "cockpit.goal.register.heading", committee, pages, links, roles, i18n,
                locales, clock);
    }

    /** Moves a goal on through its workflow: 409 if the workflow refuses, 403 without the role. */
    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeStatus(@PathParam("id") String id, InputStream body) {
        return change(roles.goalWriter(), id, body, GoalStatusChange.class, (g, change, actor) ->
                register.changeStatus(g.id(), status(change.status()), actor,
                        Text.optional(change.reason(), "cockpit.goal.reason", 2000)));
    }

    @Override
    protected GoalJson json(Goal g, RegisterPage<Goal, GoalStatus> page, Texts t) {
        GoalStatus conflict = page.conflicts().get(g.id());
        return new GoalJson(g.id(), g.number(), g.title(), g.fieldOfAction(), g.description(), g.status().name(),
                t.plain(g.status()), g.reason(), g.projectKeys(), g.decisions(), page.dates().get(g.id()),
                g.page().pageId(), pageUrl(g), g.withdrawn(), g.isPublic(), conflict == null ? null : conflict.name());
    }

    @Override
    protected Object withHistory(GoalJson goal, List<AuditJson> history) {
        return new GoalJson.WithHistory(goal, history);
    }

    @Override
    protected List<Exported<Goal>> export(Texts t) {
        return List.of(new Exported<>("cockpit.goal.number", ColumnType.TEXT, Goal::number),
                new Exported<>("cockpit.goal.title", ColumnType.TEXT, Goal::title),
                new Exported<>("cockpit.goal.field", ColumnType.TEXT, Goal::fieldOfAction),
                new Exported<>("cockpit.goal.status", ColumnType.TEXT, g -> t.plain(g.status())),
                new Exported<>("cockpit.goal.reason", ColumnType.TEXT, Goal::reason),
                new Exported<>("cockpit.goal.projects", ColumnType.TEXT, g -> String.join(", ", g.projectKeys())),
                new Exported<>("cockpit.goal.decisions", ColumnType.TEXT, g -> String.join(", ", g.decisions())),
                new Exported<>("cockpit.goal.description", ColumnType.TEXT, Goal::description),
                new Exported<>("cockpit.goal.page", ColumnType.TEXT, this::pageUrl));
    }
}
