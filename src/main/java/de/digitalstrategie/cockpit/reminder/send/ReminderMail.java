package de.digitalstrategie.cockpit.reminder.send;

import com.atlassian.mail.Email;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import de.digitalstrategie.cockpit.advisory.AdvisoryInput;
import de.digitalstrategie.cockpit.decision.Decision;
import de.digitalstrategie.cockpit.register.PageRecord;
import de.digitalstrategie.cockpit.reminder.Reminder;
import de.digitalstrategie.cockpit.render.Formats;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.PageLinks;
import de.digitalstrategie.cockpit.render.Texts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A reminder as an HTML mail in the recipient's language: every text from the i18n bundles, every
 * value from the registers escaped, links absolute (a mail is read outside Confluence) and only to
 * the records' own minutes pages, and the way to switch reminders off at the end.
 */
public class ReminderMail {
    /** Where a person switches their reminders off (the preferences servlet). */
    public static final String PREFERENCES_PATH = "/plugins/servlet/cockpit/reminders";
    static final String HTML = "text/html";

    private final I18nResolver i18n;
    private final PageLinks pageLinks;
    private final ApplicationProperties application;

    public ReminderMail(I18nResolver i18n, PageLinks pageLinks, ApplicationProperties application) {
        this.i18n = i18n;
        this.pageLinks = pageLinks;
        this.application = application;
    }

    public Email write(Reminder reminder, String address, String fullName, Locale locale, LocalDate today) {
        Texts t = new Texts(i18n, locale);
        Formats f = new Formats(locale);
        String subject = t.plain("cockpit.reminder.mail.subject", f.date(today), reminder.items());
        StringBuilder body = new StringBuilder(2048)
                .append("<!DOCTYPE html><html lang=\"").append(Html.text(locale.getLanguage())).append("\"><head>")
                .append("<meta charset=\"utf-8\"><title>").append(Html.text(subject)).append("</title></head><body>")
                .append("<p>").append(Html.text(t.plain("cockpit.reminder.mail.greeting", fullName))).append("</p>")
                .append("<p>").append(Html.text(t.plain("cockpit.reminder.mail.intro", f.date(today)))).append("</p>");
        section(body, t, "cockpit.reminder.mail.decisions", reminder.decisions(), d -> due(d, today, t, f));
        section(body, t, "cockpit.reminder.mail.unowned", reminder.unowned(),
                d -> t.plain("cockpit.reminder.mail.owner", d.owner().isEmpty()
                        ? t.plain("cockpit.reminder.mail.owner-none") : d.owner()) + " · " + due(d, today, t, f));
        section(body, t, "cockpit.reminder.mail.unanswered", reminder.unanswered(),
                (AdvisoryInput in) -> t.plain("cockpit.reminder.mail.waiting", f.date(in.receivedOn()),
                        in.daysUnanswered(today)));
        String preferences = base() + PREFERENCES_PATH;
        body.append("<p>").append(Html.text(t.plain("cockpit.reminder.mail.why"))).append(' ')
                .append("<a href=\"").append(Html.url(preferences)).append("\">")
                .append(Html.text(t.plain("cockpit.reminder.mail.opt-out"))).append("</a></p></body></html>");
        return new Email(address).setSubject(subject).setMimeType(HTML).setBody(body.toString());
    }

    private String base() {
        String base = application.getBaseUrl(UrlMode.ABSOLUTE);
        return base == null ? "" : base.replaceAll("/+$", "");
    }

    private static String due(Decision d, LocalDate today, Texts t, Formats f) {
        return d.overdue(today)
                ? t.plain("cockpit.reminder.mail.overdue", f.date(d.dueDate()), ChronoUnit.DAYS.between(d.dueDate(), today))
                : t.plain("cockpit.reminder.mail.due", f.date(d.dueDate()));
    }

    private <R extends PageRecord<?>> void section(StringBuilder body, Texts t, String headingKey, List<R> records,
                                                   Function<R, String> detail) {
        if (records.isEmpty()) {
            return;
        }
        body.append("<h2>").append(Html.text(t.plain(headingKey, records.size()))).append("</h2><ul>");
        for (R r : records) {
            body.append("<li><a href=\"").append(Html.url(pageLinks.apply(r.page().pageId()))).append("\">")
                    .append(Html.text(r.number())).append(" – ").append(Html.text(r.title())).append("</a>: ")
                    .append(Html.text(detail.apply(r))).append("</li>");
        }
        body.append("</ul>");
    }
}
