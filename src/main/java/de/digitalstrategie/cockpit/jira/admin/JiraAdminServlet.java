package de.digitalstrategie.cockpit.jira.admin;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.jira.ConnectionCheck;
import de.digitalstrategie.cockpit.jira.JiraConnector;
import de.digitalstrategie.cockpit.jira.settings.JiraSettings;
import de.digitalstrategie.cockpit.jira.settings.JiraSettingsStore;
import de.digitalstrategie.cockpit.jira.outbox.OutboxDelivery;
import de.digitalstrategie.cockpit.jira.outbox.OutboxEntry;
import de.digitalstrategie.cockpit.jira.provision.Provisioning;
import de.digitalstrategie.cockpit.jira.provision.ProvisioningReport;
import de.digitalstrategie.cockpit.jira.sync.ProjectSync;
import de.digitalstrategie.cockpit.jira.sync.SyncStatus;
import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.register.RecordKind;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.web.FormPage;
import de.digitalstrategie.cockpit.web.FormTokens;
import de.digitalstrategie.cockpit.web.Notice;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The administrators' page for the Jira connection: base URL, token (never shown again in full),
 * the project JQL and the target project; buttons to test the connection, set Jira up and sync
 * now; the sync's progress and every record Jira has not taken yet, with Jira's message. Only for
 * administrators; every change is a form post with SAL's XSRF token.
 */
public class JiraAdminServlet extends FormPage {
    private final transient JiraSettingsStore settings;
    private final transient JiraConnector connector;
    private final transient ProjectSync sync;
    private final transient OutboxDelivery delivery;

    /** A record that has not reached Jira (yet), with what Jira said. */
    public record Pending(String recordHtml, String attemptsHtml, String nextHtml, String errorHtml) {
    }

    /**
     * What templates/admin/jira.vm shows. Each value is one the template prints or tests as it stands:
     * Confluence 9 lets a template call only allowlisted methods of the plugin's own classes, none of
     * the JDK's (so no {@code pending().isEmpty()}), and none with more than one argument.
     *
     * @param demoHtml what the page says about demo records, which never go to Jira; "" when there are none
     */
    public record View(boolean configured, String baseUrlHtml, String tokenNoteHtml, String jqlHtml,
                       String targetHtml, String xsrfNameHtml, String xsrfHtml, List<Notice> notices,
                       String syncHtml, String syncErrorHtml, List<Pending> pending, String demoHtml) {
        public boolean hasPending() {
            return !pending.isEmpty();
        }

        public boolean hasDemo() {
            return !demoHtml.isEmpty();
        }
    }

    public JiraAdminServlet(JiraSettingsStore settings, JiraConnector connector, ProjectSync sync,
                            OutboxDelivery delivery, AdminPages pages, UserManager users, FormTokens tokens) {
        super(pages, Guard.administrators(users, pages), tokens);
        this.settings = settings;
        this.connector = connector;
        this.sync = sync;
        this.delivery = delivery;
    }

    @Override
    protected void show(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        render(request, response, List.of());
    }

    @Override
    protected void take(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        Texts t = pages.texts();
        List<Notice> notices = new ArrayList<>();
        try {
            switch (String.valueOf(request.getParameter("action"))) {
                case "save" -> {
                    settings.save(request.getParameter("baseUrl"), request.getParameter("token"),
                            request.getParameter("jql"), request.getParameter("target"));
                    notices.add(notice(t.plain("cockpit.admin.saved"), "success"));
                }
                case "test" -> {
                    ConnectionCheck check = connector.test();
                    for (Message m : check.findings()) {
                        notices.add(notice(t.plain(m), check.ok() ? "success" : "error"));
                    }
                }
                case "provision" -> connector.client().ifPresentOrElse(jira -> {
                    ProvisioningReport report = new Provisioning(jira, settings).run();
                    for (ProvisioningReport.Item item : report.items()) {
                        String line = t.plain(item.line())
                                + (item.problem() == null ? "" : " " + t.plain(item.problem()));
                        notices.add(notice(line, item.outcome() == ProvisioningReport.Outcome.FAILED ? "error" : "info"));
                    }
                }, () -> notices.add(notice(t.plain("cockpit.jira.not-configured"), "error")));
                case "sync" -> connector.client().ifPresentOrElse(jira -> notices.add(
                        sync.run(jira, connector.settings(), true)
                                .map(s -> notice(t.plain("cockpit.admin.sync.done", s.read(), s.total()),
                                        s.lastError().isEmpty() ? "success" : "error"))
                                .orElse(notice(t.plain("cockpit.admin.sync.busy"), "warning"))),
                        () -> notices.add(notice(t.plain("cockpit.jira.not-configured"), "error")));
                default -> notices.add(notice(t.plain("cockpit.admin.error.action"), "error"));
            }
        } catch (LocalisedException e) {
            notices.add(notice(t.plain(e.userMessage()), "error"));
        }
        render(request, response, notices);
    }

    private static Notice notice(String text, String kind) {
        return Notice.of(text, kind);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, List<Notice> notices)
            throws IOException {
        Texts t = pages.texts();
        Formats f = new Formats(pages.locale());
        JiraSettings s = settings.load();
        SyncStatus status = sync.status();
        String syncLine = status.startedAt() == null ? t.plain("cockpit.admin.sync.never")
                : t.plain(status.running() ? "cockpit.admin.sync.running" : "cockpit.admin.sync.last",
                status.read(), status.total(), status.removed(), status.rejected(),
                f.date(status.startedAt().atZone(ZoneId.systemDefault()).toLocalDate()));
        List<Pending> pending = new ArrayList<>();
        OutboxDelivery.Backlog backlog = delivery.backlog();
        for (OutboxEntry e : backlog.waiting()) {
            String record = t.plain(e.kind() == RecordKind.DECISION
                    ? "cockpit.admin.outbox.record.decision" : "cockpit.admin.outbox.record.advisory_input", e.recordId());
            pending.add(new Pending(Html.text(record), Html.text(f.number(e.attempts())),
                    Html.text(e.nextAttempt() == null ? "" : e.nextAttempt().toString()),
                    Html.text(e.held() ? t.plain("cockpit.admin.outbox.held") : e.lastError())));
        }
        FormTokens.Field token = token(request, response);
        View view = new View(s.configured(), Html.text(s.baseUrl() == null ? "" : s.baseUrl().toString()),
                Html.text(s.maskedToken().isEmpty() ? t.plain("cockpit.admin.token.none")
                        : t.plain("cockpit.admin.token.stored", s.maskedToken())),
                Html.text(s.projectJql()), Html.text(s.targetProject()),
                token.nameHtml(), token.valueHtml(),
                notices, Html.text(syncLine), Html.text(status.lastError()), pending,
                backlog.demo().values().stream().allMatch(n -> n == 0) ? "" : Html.text(t.plain(
                        "cockpit.admin.outbox.demo", backlog.demo().get(RecordKind.DECISION),
                        backlog.demo().get(RecordKind.ADVISORY_INPUT))));
        pages.send(response, "templates/admin/jira.vm", view, t);
    }
}
