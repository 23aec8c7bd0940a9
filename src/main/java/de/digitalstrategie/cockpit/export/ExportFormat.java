package de.digitalstrategie.cockpit.export;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.BiFunction;

/** The file formats a table can be downloaded in, with what a download response needs. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv", CsvExport::new),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", XlsxExport::new);

    /** Long enough for any register's name, short enough for every file system and mail client. */
    private static final int MAX_BASE = 80;

    private final String contentType;
    private final String extension;
    private final BiFunction<Locale, ZoneId, ExportWriter> writers;

    ExportFormat(String contentType, String extension, BiFunction<Locale, ZoneId, ExportWriter> writers) {
        this.contentType = contentType;
        this.extension = extension;
        this.writers = writers;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public ExportWriter writer(Locale locale, ZoneId zone) {
        return writers.apply(locale, zone);
    }

    /**
     * A download's file name, e.g. {@code beschlussregister-2026-11-27.xlsx}: ASCII only, because
     * a Content-Disposition header, a zip file or an old mail client may mangle anything else.
     * Umlauts are spelt out (ä → ae), other accents dropped, anything else becomes a hyphen.
     */
    public String fileName(String base, LocalDate day) {
        String spelt = (base == null ? "" : base).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss").replace("ẞ", "SS");
        String ascii = Normalizer.normalize(spelt, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (ascii.length() > MAX_BASE) {
            ascii = ascii.substring(0, MAX_BASE);
        }
        ascii = ascii.replaceAll("^-+|-+$", "");
        return (ascii.isEmpty() ? "" : ascii + "-") + day + "." + extension;
    }
}
