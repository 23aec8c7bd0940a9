package de.digitalstrategie.cockpit.register.macro;

import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.macro.RenderMemo;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.minutes.place.MinutesPlaces;
import de.digitalstrategie.cockpit.minutes.place.PageLocation;
import de.digitalstrategie.cockpit.jira.issue.JiraLinks;
import de.digitalstrategie.cockpit.register.PageEdit;
import de.digitalstrategie.cockpit.register.PageRecord;
import de.digitalstrategie.cockpit.register.RecordParameters;
import de.digitalstrategie.cockpit.register.RecordStatus;
import de.digitalstrategie.cockpit.register.store.RecordStore;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A record macro: one record in its body's minutes, its rich-text body the record's wording. The
 * block shows the status the register holds, and a warning when the page claims one that was not
 * applied (the workflow refused it, or its saver may not change it). On a page outside the body's
 * minutes places it shows no status, only what the page says and why the register does not take
 * it. Written once for every kind, as a wiki's message macros share one base and each is a
 * constructor: a kind's macro only reads its parameters and says which facts it shows.
 *
 * @param <P> the kind's parameters
 */
public abstract class RecordMacro<R extends PageRecord<S>, S extends Enum<S> & RecordStatus,
        P extends RecordParameters<S>> extends CockpitMacro {
    private final RecordStore<R, S, ?, ?, ?, ?> register;
    private final MinutesPlaces places;
    private final JiraLinks jira;
    private final Keys keys;

    /**
     * What a kind's macro says, as i18n keys.
     *
     * @param kind           what the record is ("Beschluss")
     * @param notYetRecorded that the register takes it when the page is saved
     * @param emptyBody      that the macro has no text ({0}: its number)
     * @param conflict       that the workflow refused the page's status ({0}: the page's, {1}: the register's)
     * @param conflictByRole that someone without the role saved it (the same arguments)
     */
    public record Keys(String kind, String notYetRecorded, String emptyBody, String conflict,
                          String conflictByRole) {
    }

    /**
     * The record as its template shows it; every value escaped.
     *
     * @param noticeHtml why the register does not take this record (the page is outside the body's
     *                   minutes places, or its title is no meeting number); "" when it does
     */
    public record View(String classHtml, String idHtml, String kindHtml, String numberHtml, String titleHtml,
                       String statusHtml, String statusClassHtml, String noticeHtml, String conflictHtml,
                       boolean recorded, String notYetRecordedHtml, String bodyHtml, List<Fact> facts) {
    }

    /** A line of the record's facts: a value, or the projects it concerns as links. */
    public record Fact(String labelHtml, String valueHtml, List<ProjectLink> links) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasLinks() {
            return !links.isEmpty();
        }
    }

    protected RecordMacro(MacroRenderer renderer, RecordStore<R, S, ?, ?, ?, ?> register, MinutesPlaces places,
                          JiraLinks jira, Keys keys) {
        super(renderer);
        this.register = register;
        this.places = places;
        this.jira = jira;
        this.keys = keys;
    }

    protected abstract P read(MacroParameters parameters);

    /**
     * The facts the macro shows under the record's text, in order.
     *
     * @param recorded   the record as the register holds it, if it does
     * @param shown      the status shown: the register's, or the page's while it holds none
     * @param registered whether the page is where the body's minutes are (otherwise nothing a page
     *                   says about a status, and what comes with one, is shown)
     */
    protected abstract void facts(P parameters, Optional<R> recorded, S shown, boolean registered, Facts facts,
                                  MacroRequest request);

    @Override
    protected final String render(MacroParameters parameters, String body, MacroRequest request) {
        return render(parameters, body, request, RenderMemo.of(null));
    }

    /**
     * Whether the page lies in the body's places and the page's records are read once per
     * rendering, not once per macro: a minutes page carries dozens of records.
     */
    @Override
    protected final String render(MacroParameters parameters, String body, MacroRequest request, RenderMemo memo) {
        P p = read(parameters);
        if (Html.isBlankMarkup(body)) {
            throw ValidationException.of(keys.emptyBody(), p.number());
        }
        Texts t = request.texts();
        Facts facts = new Facts(t, memo);
        String title = request.content() == null ? "" : request.content().getTitle();
        Optional<Message> notRecorded = memo.get(List.of("refusal", register.kind(), request.pageId(), title),
                () -> register.kind().minuted()
                        ? places.refusal(register.kind().body(), PageLocation.of(request.content()), title)
                        : places.strategyRefusal(PageLocation.of(request.content())));
        if (notRecorded.isPresent()) {
            // No status: on such a page it is only what someone typed.
            facts(p, Optional.empty(), p.status(), false, facts, request);
            return view(p, "", "", t.html(notRecorded.get()), "", false, body, facts, request);
        }
        Optional<R> recorded = Optional.ofNullable(recordsOnPage(request.pageId(), memo).get(p.number()));
        S shown = recorded.map(PageRecord::status).orElse(p.status());
        String conflict = "";
        if (shown != p.status()) {
            boolean role = register.conflictReason(recorded.orElseThrow().id()).filter(PageEdit.NO_ROLE::equals)
                    .isPresent();
            conflict = t.plain(role ? keys.conflictByRole() : keys.conflict(), t.plain(p.status()), t.plain(shown));
        }
        facts(p, recorded, shown, true, facts, request);
        return view(p, t.html(shown), Html.text(shown.lozenge()), "", Html.text(conflict), recorded.isPresent(), body,
                facts, request);
    }

    /**
     * The page's records by number, as {@link RecordStore#onPage} answers each (withdrawn ones left
     * out), read once per rendering.
     */
    protected final Map<String, R> recordsOnPage(long pageId, RenderMemo memo) {
        return memo.get(List.of("records", register.kind(), pageId), () -> {
            Map<String, R> byNumber = new LinkedHashMap<>();
            register.ofPage(pageId).stream().filter(r -> !r.withdrawn()).forEach(r -> byNumber.putIfAbsent(r.number(), r));
            return byNumber;
        });
    }

    private String view(P p, String statusHtml, String statusClassHtml, String noticeHtml, String conflictHtml,
                        boolean recorded, String body, Facts facts, MacroRequest request) {
        Texts t = request.texts();
        String anchor = register.kind().anchor();
        return renderer.render("templates/record.vm", request, new View(Html.text("cockpit-" + anchor),
                Html.text(anchor + "-" + p.number()), Html.text(t.plain(keys.kind())), Html.text(p.number()),
                Html.text(p.title()), statusHtml, statusClassHtml, noticeHtml, conflictHtml, recorded,
                Html.text(t.plain(keys.notYetRecorded())), body, facts.facts));
    }

    /** The facts of one rendering, in the order they are added; an empty value is left out. */
    protected final class Facts {
        private final Texts t;
        private final RenderMemo memo;
        private final List<Fact> facts = new ArrayList<>();

        private Facts(Texts t, RenderMemo memo) {
            this.t = t;
            this.memo = memo;
        }

        /** What the macros of this rendering share. */
        public RenderMemo memo() {
            return memo;
        }

        public Facts add(String labelKey, String value) {
            if (value != null && !value.isEmpty()) {
                facts.add(new Fact(Html.text(t.plain(labelKey)), Html.text(value), List.of()));
            }
            return this;
        }

        /** A fact whose value is markup the kind rendered from a template of its own, every value escaped there. */
        public Facts markup(String labelKey, String html) {
            if (html != null && !html.isBlank()) {
                facts.add(new Fact(Html.text(t.plain(labelKey)), html, List.of()));
            }
            return this;
        }

        public Facts projects(String labelKey, List<String> keys) {
            if (!keys.isEmpty()) {
                facts.add(new Fact(Html.text(t.plain(labelKey)), "", ProjectLink.of(keys, jira)));
            }
            return this;
        }
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.RICH_TEXT;
    }
}
