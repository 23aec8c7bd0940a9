package de.digitalstrategie.cockpit.advisory.macro;

import de.digitalstrategie.cockpit.access.PageAccess;
import de.digitalstrategie.cockpit.advisory.AdvisoryCriteria;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.advisory.AdvisorySort;
import de.digitalstrategie.cockpit.advisory.AnswerStatus;
import de.digitalstrategie.cockpit.advisory.CityAnswer;
import de.digitalstrategie.cockpit.advisory.store.AdvisoryStore;
import de.digitalstrategie.cockpit.committee.Meeting;
import de.digitalstrategie.cockpit.committee.Sector;
import de.digitalstrategie.cockpit.committee.store.CommitteeStore;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.register.macro.ProjectLink;
import de.digitalstrategie.cockpit.register.macro.RegisterMacro;
import de.digitalstrategie.cockpit.register.store.RegisterPage;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.Views.Column;

import java.util.List;
import java.util.Map;

/**
 * {@code advisory-register}: the advisory board's input and the city's answers (see
 * {@link RegisterMacro}); can show only what is still unanswered (with how long it has waited) or
 * not yet reported back to the board.
 */
public class AdvisoryRegisterMacro extends RegisterMacro<AdvisoryInput, AnswerStatus, AdvisoryCriteria, AdvisorySort,
        AdvisoryRegisterMacro.Row> {

    public record Row(String numberHtml, String receivedHtml, String titleHtml, String topicHtml, String sectorsHtml,
                      String statusHtml, String statusClassHtml, String answerHtml, String waitingHtml,
                      String reportedHtml, boolean awaitingReport, List<ProjectLink> projects,
                      String conflictHtml, String minutesUrlHtml, String minutesTitleHtml) {
    }

    public AdvisoryRegisterMacro(MacroRenderer renderer, AdvisoryStore advisory, CommitteeStore committee,
                                 PageAccess pages, PageLinks pageLinks, JiraLinks jira) {
        super(renderer, advisory, committee, pages, pageLinks, jira, new Table<>(AdvisoryCriteria.SHAPE, List.of(
                new Column<>("cockpit.advisory.column.number", AdvisorySort.NUMBER, false),
                new Column<>("cockpit.advisory.column.received", AdvisorySort.RECEIVED, false),
                new Column<>("cockpit.advisory.column.title", AdvisorySort.TITLE, false),
                new Column<>("cockpit.advisory.column.sectors", null, false),
                new Column<>("cockpit.advisory.column.status", AdvisorySort.STATUS, false),
                new Column<>("cockpit.advisory.column.answer", null, false),
                new Column<>("cockpit.advisory.column.waiting", null, true),
                new Column<>("cockpit.advisory.column.reported", null, false)), "templates/advisory-register.vm",
                "cockpit.advisory.caption", "/advisory/export"));
    }

    @Override
    protected Row row(AdvisoryInput i, RegisterPage<AdvisoryInput, AnswerStatus> page, MacroRequest request) {
        Texts t = request.texts();
        CityAnswer answer = i.answer();
        long waiting = i.daysUnanswered(request.today());
        return new Row(Html.text(i.number()), Html.text(request.formats().date(i.receivedOn())), Html.text(i.title()),
                Html.text(i.topic()), Html.text(AdvisoryInputMacro.sectors(i.sectors(), t)), t.html(i.status()),
                Html.text(i.status().lozenge()), Html.text(answer.text()),
                waiting > 0 ? Html.text(t.plain("cockpit.advisory.days", request.formats().number(waiting))) : "",
                answer.reportedToBoardOn() != null ? Html.text(request.formats().date(answer.reportedToBoardOn()))
                        : answer.awaitingReport() ? Html.text(t.plain("cockpit.advisory.not-reported")) : "",
                answer.awaitingReport(), ProjectLink.of(i.projectKeys(), jira),
                conflictHtml(i, page, t, "cockpit.advisory.conflict"), minutesUrl(i), Html.text(i.page().title()));
    }

    @Override
    protected void form(MacroParameters p, List<Meeting> meetings, Form form, MacroRequest request) {
        Texts t = request.texts();
        form.legend("cockpit.advisory.filter")
                .select("sector", "cockpit.sector", Sector.values())
                .select("status", "cockpit.advisory.column.status", AnswerStatus.values())
                .select("unanswered", "cockpit.advisory.open",
                        Map.of("true", t.plain("cockpit.advisory.only-unanswered")), p.text("unanswered", ""))
                .select("awaiting-report", "cockpit.advisory.column.reported",
                        Map.of("true", t.plain("cockpit.advisory.only-unreported")), p.text("awaiting-report", ""))
                .text("text", "cockpit.filter.text");
    }
}
