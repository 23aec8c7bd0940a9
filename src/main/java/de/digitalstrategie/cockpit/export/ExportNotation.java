package de.digitalstrategie.cockpit.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the exports write numbers and dates in one language, shared by CSV and XLSX so that both
 * files of one export read alike. German as a German spreadsheet expects it (1234,56; 31.03.2026);
 * every other language gets English with ISO dates, which any spreadsheet reads.
 */
final class ExportNotation {
    private final boolean german;
    private final ZoneId zone;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;

    ExportNotation(Locale locale, ZoneId zone) {
        this.german = "de".equals(locale.getLanguage());
        this.zone = zone;
        this.dates = DateTimeFormatter.ofPattern(german ? "dd.MM.yyyy" : "yyyy-MM-dd", Locale.ROOT);
        this.times = DateTimeFormatter.ofPattern(german ? "dd.MM.yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss",
                Locale.ROOT);
    }

    boolean german() {
        return german;
    }

    /** Euros with two decimals and no grouping, so that a spreadsheet reads it back as a number. */
    String euros(long cents) {
        String plain = BigDecimal.valueOf(cents, 2).toPlainString();
        return german ? plain.replace('.', ',') : plain;
    }

    String date(LocalDate day) {
        return dates.format(day);
    }

    String dateTime(Instant instant) {
        return times.format(local(instant));
    }

    LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** The same dates as Excel number formats (Excel's codes: m is month or minute by context). */
    String excelDateFormat() {
        return german ? "dd.mm.yyyy" : "yyyy-mm-dd";
    }

    String excelDateTimeFormat() {
        return german ? "dd.mm.yyyy hh:mm:ss" : "yyyy-mm-dd hh:mm:ss";
    }
}
