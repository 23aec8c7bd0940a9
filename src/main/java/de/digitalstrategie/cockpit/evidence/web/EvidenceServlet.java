package de.digitalstrategie.cockpit.evidence.web;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.access.ProjectAccess;
import de.digitalstrategie.cockpit.access.Roles;
import de.digitalstrategie.cockpit.evidence.Acknowledgement;
import de.digitalstrategie.cockpit.evidence.Rule;
import de.digitalstrategie.cockpit.evidence.macro.FlagRows;
import de.digitalstrategie.cockpit.evidence.store.Acknowledgements;
import de.digitalstrategie.cockpit.evidence.store.EvidenceFlags;
import de.digitalstrategie.cockpit.evidence.store.FlagFilter;
import de.digitalstrategie.cockpit.export.ColumnType;
import de.digitalstrategie.cockpit.export.ExportColumn;
import de.digitalstrategie.cockpit.export.ExportFormat;
import de.digitalstrategie.cockpit.export.ExportTable;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Text;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.web.FormPost;
import de.digitalstrategie.cockpit.web.FormTokens;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The flag list's two requests beside the page, for the staff unit only (the CDO and the
 * secretaries), asked before anything of the request is read: GET the open flags as CSV (filtered
 * by {@code rule} and {@code field} as on the page), POST the acknowledgement of one flag's
 * occurrence with a comment (SAL's XSRF token; a flag that is not open, or of a project the viewer
 * may not see, answers 404), then back to the page the form was on. Mounted at
 * {@link de.digitalstrategie.cockpit.evidence.macro.FlagLinks#PATH}.
 */
public class EvidenceServlet extends FormPost<String> {
    private final transient UserManager users;
    private final transient Roles roles;
    private final transient ProjectAccess access;
    private final transient EvidenceFlags flags;
    private final transient Acknowledgements acknowledgements;
    private final transient PageLinks pages;
    private final transient AdminPages texts;
    private final transient Clock clock;

    public EvidenceServlet(UserManager users, Roles roles, ProjectAccess access, EvidenceFlags flags,
                           Acknowledgements acknowledgements, FormTokens tokens, PageLinks pages,
                           AdminPages texts, Clock clock) {
        super(users, tokens);
        this.users = users;
        this.roles = roles;
        this.access = access;
        this.flags = flags;
        this.acknowledgements = acknowledgements;
        this.pages = pages;
        this.texts = texts;
        this.clock = clock;
    }

    private Optional<String> staff() {
        UserKey user = users.getRemoteUserKey();
        return user != null && roles.mayPublishProjects(user.getStringValue()) ? Optional.of(user.getStringValue())
                : Optional.empty();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (staff().isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!"csv".equals(request.getParameter("format"))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        FlagFilter filter;
        try {
            filter = new FlagFilter(request.getParameter("rule"), request.getParameter("field"));
        } catch (ValidationException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Set<String> visible;
        try {
            // A file travels on without any notice: refused while Jira's answers are missing.
            visible = access.visibility().completeProjects();
        } catch (LocalisedException e) {
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        Texts t = texts.texts();
        Formats f = new Formats(t.locale());
        List<EvidenceFlags.Shown> shown = flags.open(visible).stream().filter(filter).toList();
        ExportTable table = new ExportTable(t.plain("cockpit.evidence.title"), List.of(
                new ExportColumn(t.plain("cockpit.portfolio.column.key"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.portfolio.column.title"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.evidence.column.rule"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.evidence.column.reason"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.evidence.column.since"), ColumnType.DATE),
                new ExportColumn(t.plain("cockpit.evidence.column.state"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.evidence.comment"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.evidence.column.acknowledged-by"), ColumnType.TEXT),
                new ExportColumn(t.plain("cockpit.evidence.column.acknowledged-at"), ColumnType.DATE_TIME)),
                row -> shown.forEach(s -> {
                    Acknowledgement a = s.acknowledgement();
                    row.accept(Arrays.asList(s.flag().issueKey(), s.project() == null ? "" : s.project().title(),
                            t.plain(s.flag().rule()), FlagRows.reason(s.flag(), t, f), s.flag().since(),
                            t.plain(a != null ? "cockpit.evidence.state.acknowledged" : "cockpit.evidence.state.open"),
                            a == null ? null : a.comment(), a == null ? null : a.actor(), a == null ? null : a.at()));
                }));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormat.CSV.writer(t.locale(), clock.getZone()).write(table, out);
        response.setContentType(ExportFormat.CSV.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + ExportFormat.CSV.fileName("evidence-flags", LocalDate.now(clock)) + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }

    @Override
    protected Admission<String> admit(HttpServletRequest request, String actor) {
        return staff().isPresent() ? Admission.of(actor) : Admission.forbidden();
    }

    @Override
    protected Answer take(HttpServletRequest request, String actor, String staff) {
        String rule = value(request, "rule");
        String key = value(request, "key");
        String occurrence = request.getParameter("occurrence") == null ? "" : request.getParameter("occurrence");
        String comment = value(request, "comment");
        if (!IssueKey.isValid(key) || Arrays.stream(Rule.values()).noneMatch(r -> r.name().equals(rule))) {
            return Answer.status(HttpServletResponse.SC_BAD_REQUEST);
        }
        try {
            Text.required(comment, "cockpit.evidence.comment", Text.LINE);
        } catch (ValidationException e) {
            return Answer.refused(HttpServletResponse.SC_BAD_REQUEST, texts.texts().plain(e.userMessage()));
        }
        // Only an open flag the viewer may see can be acknowledged; anything else reads as unknown.
        if (flags.find(access.visibility().projects(), rule, key, occurrence).isEmpty()) {
            return Answer.status(HttpServletResponse.SC_NOT_FOUND);
        }
        acknowledgements.acknowledge(Rule.valueOf(rule), key, occurrence, comment, staff);
        long pageId = pageId(request);
        return pageId > 0 ? new Back(pages.page(pageId)).answer() : Answer.status(HttpServletResponse.SC_NO_CONTENT);
    }

    private static String value(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }
}
