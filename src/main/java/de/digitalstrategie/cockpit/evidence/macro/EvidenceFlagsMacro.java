package de.digitalstrategie.cockpit.evidence.macro;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.access.Visibility;
import de.digitalstrategie.cockpit.evidence.Rule;
import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.evidence.store.FlagFilter;
import de.digitalstrategie.cockpit.macro.CockpitMacro;
import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.AccessDeniedException;
import de.digitalstrategie.cockpit.organisation.FieldOfAction;
import de.digitalstrategie.cockpit.organisation.store.OrganisationStore;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRenderer;
import de.digitalstrategie.cockpit.render.MacroRequest;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.web.FormTokens;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code evidence-flags}: every open flag for the staff unit (the CDO and the secretaries), of the
 * projects the viewer may see, filtered by rule and field of action (macro parameters {@code rule}
 * and {@code field} as defaults, the filter form on the page above them), each open one with a form
 * to acknowledge it with a comment, and the list as CSV. Anyone else gets the error box.
 */
public class EvidenceFlagsMacro extends CockpitMacro {
    private final EvidenceFlags flags;
    private final Roles roles;
    private final UserManager users;
    private final ProjectAccess projectAccess;
    private final OrganisationStore organisation;
    private final FormTokens tokens;
    private final Clock clock;

    public record Option(String valueHtml, String labelHtml, boolean selected) {
    }

    /** A parameter of the page's address the filter form carries along (the page's id, the viewer's language). */
    public record Hidden(String nameHtml, String valueHtml) {
    }

    /**
     * @param hasForms false where no form can be sent back (an export, a rendering outside a browser's
     *                 request): the flags alone
     */
    public record View(String idHtml, String titleHtml, String captionHtml, String noticeHtml, List<Hidden> hidden,
                       List<Option> rules,
                       List<Option> fields, String ruleNameHtml, String fieldNameHtml, List<FlagRows.Row> rows,
                       String csvUrlHtml, boolean hasForms, String actionHtml, String xsrfNameHtml, String xsrfHtml,
                       String pageIdHtml) {
        /** For the template: Confluence 9 lets it call no JDK method, not even a list's isEmpty(). */
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    public EvidenceFlagsMacro(MacroRenderer renderer, EvidenceFlags flags, Roles roles, UserManager users,
                              ProjectAccess projectAccess, OrganisationStore organisation, FormTokens tokens,
                              Clock clock) {
        super(renderer);
        this.flags = flags;
        this.roles = roles;
        this.users = users;
        this.projectAccess = projectAccess;
        this.organisation = organisation;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    protected String render(MacroParameters parameters, String body, MacroRequest request) {
        UserKey viewer = users.getRemoteUserKey();
        if (viewer == null || !roles.mayPublishProjects(viewer.getStringValue())) {
            throw AccessDeniedException.of("cockpit.evidence.error.access");
        }
        Texts t = request.texts();
        Formats f = request.formats();
        FlagFilter filter = new FlagFilter(request.own("rule").orElse(parameters.text("rule", "")),
                request.own("field").orElse(parameters.text("field", "")));
        String rule = filter.rule();
        String field = filter.field();
        Visibility visibility = projectAccess.visibility();
        List<FlagRows.Row> rows = new ArrayList<>();
        for (EvidenceFlags.Shown s : flags.open(visibility.projects())) {
            if (filter.test(s)) {
                rows.add(FlagRows.row(s, t, f, clock.getZone(), true));
            }
        }
        List<Option> ruleOptions = new ArrayList<>();
        ruleOptions.add(new Option("", Html.text(t.plain("cockpit.evidence.filter.all-rules")), rule.isEmpty()));
        for (Rule r : Rule.values()) {
            ruleOptions.add(new Option(Html.text(r.code()), t.html(r), r.code().equals(rule)));
        }
        List<Option> fieldOptions = new ArrayList<>();
        fieldOptions.add(new Option("", Html.text(t.plain("cockpit.evidence.filter.all-fields")), field.isEmpty()));
        for (FieldOfAction fa : organisation.fieldsOfAction()) {
            fieldOptions.add(new Option(Html.text(fa.key()), Html.text(fa.name(t.locale())), fa.key().equals(field)));
        }
        long acknowledged = rows.stream().filter(FlagRows.Row::acknowledged).count();
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put("rule", rule);
        csv.put("field", field);
        // Asked for only when a form needs it: a page of lists with nothing open sets no cookie.
        Optional<FormTokens.Field> token = acknowledged < rows.size() ? tokens.field(request) : Optional.empty();
        String id = request.instanceKey();
        return renderer.render("templates/evidence/evidence-flags.vm", request, new View(Html.text(id),
                Html.text(t.plain("cockpit.evidence.title")),
                Html.text(t.plain("cockpit.evidence.caption", f.number(rows.size()), f.number(acknowledged))),
                visibility.complete() ? "" : Html.text(t.plain("cockpit.access.unchecked", visibility.unchecked())),
                hidden(request), ruleOptions, fieldOptions, Html.text(request.ownName("rule")), Html.text(request.ownName("field")),
                rows, Html.url(FlagLinks.csv(request.contextPath(), csv)), token.isPresent(),
                Html.url(request.contextPath() + FlagLinks.PATH), token.map(FormTokens.Field::nameHtml).orElse(""),
                token.map(FormTokens.Field::valueHtml).orElse(""), Html.text(Long.toString(request.pageId()))));
    }

    private static List<Hidden> hidden(MacroRequest request) {
        List<Hidden> hidden = new ArrayList<>();
        if (request.interactive()) {
            request.links().othersThan(request.instanceKey() + ".").forEach((name, value) ->
                    hidden.add(new Hidden(Html.text(name), Html.text(value))));
        }
        return hidden;
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.NONE;
    }
}
