package de.digitalstrategie.cockpit.advisory.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.advisory.AdvisoryCriteria;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.CityAnswer;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.message.Dates;
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
 * The advisory register over REST (see {@link RegisterResource}), and the city's answer: moved on
 * through its workflow and the board's being told, by the board's chair and secretary only.
 */
@Path("/advisory")
@Produces(MediaType.APPLICATION_JSON)
public class AdvisoryResource extends RegisterResource<AdvisoryInput, AnswerStatus, AdvisoryCriteria, AdvisorySort,
        AdvisoryJson, AdvisoryStore> {

    @Inject
    public AdvisoryResource(AdvisoryStore advisory, CommitteeStore committee, PageAccess pages, PageLinks links,
                            Roles roles, I18nResolver i18n, LocaleResolver locales, Clock clock) {
        super(advisory, AdvisoryCriteria.SHAPE, "cockpit.advisory.heading", committee, pages, links, roles, i18n,
                locales, clock);
    }

    /** The city's answer moved on, by the board's chair and secretary. */
    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("id") String id, InputStream body) {
        return change(roles.advisoryWriter(), id, body, AnswerChange.class, (input, change, actor) ->
                register.changeAnswer(input.id(), status(change.status()), actor,
                        Text.optional(change.text(), "cockpit.advisory.answer", Text.LONG)));
    }

    /** The board has been told, on a day within {@link Dates}. */
    @POST
    @Path("/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("id") String id, InputStream body) {
        return change(roles.advisoryWriter(), id, body, BoardReport.class, (input, report, actor) ->
                register.reportToBoard(input.id(), Dates.check(Text.present(report.on(),
                        "cockpit.advisory.column.reported"), "cockpit.advisory.column.reported"), actor));
    }

    @Override
    protected AdvisoryJson json(AdvisoryInput i, RegisterPage<AdvisoryInput, AnswerStatus> page, Texts t) {
        CityAnswer a = i.answer();
        AnswerStatus conflict = page.conflicts().get(i.id());
        return new AdvisoryJson(i.id(), i.number(), i.title(), i.recommendation(), i.topic(),
                i.sectors().stream().sorted().map(Enum::name).toList(), i.meetingId(), i.projectKeys(), i.receivedOn(),
                a.status().name(), t.plain(a.status()), a.text(), a.owner(), a.answeredOn(), a.reportedToBoardOn(),
                i.daysUnanswered(LocalDate.now(clock)), i.page().pageId(), pageUrl(i), i.withdrawn(), i.isPublic(),
                conflict == null ? null : conflict.name());
    }

    @Override
    protected Object withHistory(AdvisoryJson input, List<AuditJson> history) {
        return new AdvisoryJson.WithHistory(input, history);
    }

    @Override
    protected List<Exported<AdvisoryInput>> export(Texts t) {
        LocalDate today = LocalDate.now(clock);
        return List.of(new Exported<>("cockpit.advisory.column.number", ColumnType.TEXT, AdvisoryInput::number),
                new Exported<>("cockpit.advisory.column.received", ColumnType.DATE, AdvisoryInput::receivedOn),
                new Exported<>("cockpit.advisory.column.title", ColumnType.TEXT, AdvisoryInput::title),
                new Exported<>("cockpit.advisory.topic", ColumnType.TEXT, AdvisoryInput::topic),
                new Exported<>("cockpit.advisory.column.sectors", ColumnType.TEXT,
                        i -> String.join(", ", i.sectors().stream().sorted().map(t::plain).toList())),
                new Exported<>("cockpit.advisory.column.status", ColumnType.TEXT, i -> t.plain(i.status())),
                new Exported<>("cockpit.advisory.column.answer", ColumnType.TEXT, i -> i.answer().text()),
                new Exported<>("cockpit.export.answered-on", ColumnType.DATE, i -> i.answer().answeredOn()),
                new Exported<>("cockpit.advisory.column.reported", ColumnType.DATE,
                        i -> i.answer().reportedToBoardOn()),
                new Exported<>("cockpit.advisory.column.projects", ColumnType.TEXT,
                        i -> String.join(", ", i.projectKeys())),
                new Exported<>("cockpit.export.days-open", ColumnType.INTEGER, i -> i.daysUnanswered(today)));
    }
}
