package de.digitalstrategie.cockpit.rest;

import de.digitalstrategie.cockpit.export.ExportFormat;
import de.digitalstrategie.cockpit.export.ExportTable;
import de.digitalstrategie.cockpit.macro.MacroParameters;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Answers an export request with the file itself, written straight into the response: the rows
 * stream from the database into the spreadsheet without being collected first.
 */
public final class Downloads {
    private Downloads() {
    }

    /**
     * The file format asked for. An export holds every selected row, so paging is ignored; a bad
     * page or page size is still refused (400) like in every other request, not silently dropped.
     */
    public static ExportFormat format(MacroParameters p) {
        p.number("page", 1, 1, Integer.MAX_VALUE);
        p.number("page-size", 25, 1, de.digitalstrategie.cockpit.query.PageRequest.MAX_LIMIT);
        return p.choice("format", ExportFormat.class).orElse(ExportFormat.CSV);
    }

    public static Response of(ExportTable table, ExportFormat format, Locale locale, String fileBase, LocalDate day) {
        StreamingOutput body = out -> format.writer(locale, ZoneId.systemDefault()).write(table, out);
        return Response.ok(body, format.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + format.fileName(fileBase, day) + "\"")
                .build();
    }
}
