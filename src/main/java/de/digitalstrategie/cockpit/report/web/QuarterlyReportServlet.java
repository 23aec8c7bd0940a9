package de.digitalstrategie.cockpit.report.web;

import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.export.ExportFormat;
import de.digitalstrategie.cockpit.export.XlsxExport;
import de.digitalstrategie.cockpit.message.UnavailableException;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.render.AdminPages;
import de.digitalstrategie.cockpit.render.Texts;
import de.digitalstrategie.cockpit.report.Quarter;
import de.digitalstrategie.cockpit.report.QuarterlyReport;
import de.digitalstrategie.cockpit.report.QuarterlyReports;
import de.digitalstrategie.cockpit.web.FormPage;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

/**
 * The quarterly report for the council: {@code ?quarter=2026-Q3} (by default the quarter today
 * lies in) as a printable page, and with {@code &format=xlsx} as a workbook. Signed-in users only,
 * each seeing only what the registers and the portfolio show them; a quarter or format that is not
 * one, or a quarter that has not begun, is refused (400) with the reason in the reader's language,
 * on the page with its chooser.
 */
public class QuarterlyReportServlet extends HttpServlet {
    static final String XLSX = "xlsx";

    private final transient QuarterlyReports reports;
    private final transient ReportPage page;
    private final transient AdminPages pages;
    private final transient FormPage.Guard signedIn;

    public QuarterlyReportServlet(QuarterlyReports reports, AdminPages pages, UserManager users) {
        this.reports = reports;
        this.page = new ReportPage(reports);
        this.pages = pages;
        this.signedIn = FormPage.Guard.signedIn(users, pages);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (signedIn.admit(response).isEmpty()) {
            return;
        }
        Texts texts = pages.texts();
        String format = request.getParameter("format");
        Quarter quarter;
        try {
            if (format != null && !XLSX.equals(format)) {
                throw ValidationException.of("cockpit.report.error.format", format);
            }
            quarter = reports.quarter(request.getParameter("quarter"));
        } catch (ValidationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            pages.send(response, ReportPage.TEMPLATE, page.refused(texts.plain(e.userMessage()), texts), texts);
            return;
        }
        if (XLSX.equals(format)) {
            download(quarter, texts, response);
        } else {
            pages.send(response, ReportPage.TEMPLATE, page.view(reports.report(quarter, texts, false), texts), texts);
        }
    }

    private void download(Quarter quarter, Texts texts, HttpServletResponse response) throws IOException {
        QuarterlyReport report;
        try {
            report = reports.report(quarter, texts, true);
        } catch (UnavailableException e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, texts.plain(e.userMessage()));
            return;
        }
        // Written whole before the first byte leaves: a file cut off by an error is worse than none.
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new XlsxExport(texts.locale(), reports.zone()).write(QuarterlyReports.sheets(report, texts), file);
        LocalDate day = report.made().atZone(reports.zone()).toLocalDate();
        response.setContentType(ExportFormat.XLSX.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ExportFormat.XLSX.fileName(
                texts.plain("cockpit.report.file", quarter.toString()), day) + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(file.size());
        file.writeTo(response.getOutputStream());
    }
}
