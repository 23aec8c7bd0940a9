package de.digitalstrategie.cockpit.meeting.macro;

import de.digitalstrategie.cockpit.committee.Body;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.meeting.Item;
import de.digitalstrategie.cockpit.meeting.Preparation;
import de.digitalstrategie.cockpit.meeting.PreparationSettings;
import de.digitalstrategie.cockpit.meeting.Preparations;
import de.digitalstrategie.cockpit.meeting.Section;
import de.digitalstrategie.cockpit.meeting.Span;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code meeting-preparation}: what happened since a body's last meeting, section by section, for
 * the top of the next meeting's minutes. Parameters: {@code body} (a body's key; default: the body
 * whose minutes places hold the page) and {@code days} (input counts as unanswered after more days
 * than these; default: the plugin setting).
 */
public class MeetingPreparationMacro extends CockpitMacro {
    private final Preparations preparations;
    private final PreparationSettings settings;
    private final PageLinks pageLinks;
    private final JiraLinks jira;

    /** @param urlHtml the record's minutes page or the project's issue; "" where there is none */
    public record Entry(String referenceHtml, String titleHtml, String noteHtml, String urlHtml) {
    }

    public record Part(String idHtml, String headingHtml, String countHtml, String emptyHtml, List<Entry> entries) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasEntries() {
            return !entries.isEmpty();
        }
    }

    public record View(String idHtml, String titleHtml, String spanHtml, List<Part> parts) {
    }

    public MeetingPreparationMacro(MacroRenderer renderer, Preparations preparations, PreparationSettings settings,
                                   PageLinks pageLinks, JiraLinks jira) {
        super(renderer);
        this.preparations = preparations;
        this.settings = settings;
        this.pageLinks = pageLinks;
        this.jira = jira;
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        Body of = preparations.body(parameters.text("body"), PageLocation.of(request.content()));
        int days = parameters.number("days", settings.unansweredDays(), 0, PreparationSettings.MAX_DAYS);
        Preparation preparation = preparations.prepare(of, request.pageId(), days);
        Texts t = request.texts();
        Formats f = request.formats();
        String id = "preparation-" + of.key();
        List<Part> parts = preparation.sections().stream().map(s -> part(id, s, t, f)).toList();
        Span span = preparation.span();
        String spanText = span.last() == null ? t.plain("cockpit.preparation.span.all", f.date(span.today()))
                : t.plain("cockpit.preparation.span", span.last().number(), f.date(span.last().date()),
                f.date(span.today()));
        return renderer.render("templates/meeting-preparation.vm", request, new View(Html.text(id),
                Html.text(t.plain("cockpit.preparation.title", of.name())), Html.text(spanText), parts));
    }

    private Part part(String id, Section section, Texts t, Formats f) {
        String key = "cockpit.preparation." + section.key();
        List<Entry> entries = section.items().stream().map(i -> new Entry(Html.text(i.reference()),
                Html.text(i.title()), Html.text(t.plain(inLanguage(i.note(), f))), link(url(i)))).toList();
        return new Part(Html.text(id + "-" + section.key()), Html.text(t.plain(key)),
                Html.text(f.number(entries.size())), Html.text(t.plain(key + ".none")), entries);
    }

    private String url(Item item) {
        if (item.pageId() > 0) {
            return pageLinks.page(item.pageId());
        }
        return item.issueKey().isEmpty() ? "" : jira.issueUrl(item.issueKey()).orElse("");
    }

    /** No link where there is nowhere to go (a project while Jira is not connected), rather than "#". */
    private static String link(String url) {
        return url.isEmpty() ? "" : Html.url(url);
    }

    /** The note with its days written as the viewer writes them. */
    private static Message inLanguage(Message note, Formats f) {
        return new Message(note.key(), note.args().stream().map(a -> a instanceof LocalDate day
                ? (Serializable) f.date(day) : a).toList());
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
