package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * The day a measured value holds for, read the same way wherever values are entered (the card's
 * form, REST, the CSV file): ISO ({@code 2026-03-31}) as a date field and JSON send it, or German
 * ({@code 31.03.2026}, {@code 31.3.2026}) as people and spreadsheets write it. A day that does not
 * exist (30 February) is refused rather than moved to one that does, as is a day before 1900 (a
 * slip, no measured value) and a day that has not come yet: a value is measured, not planned.
 */
public final class MeasuredDay {
    private static final List<DateTimeFormatter> FORMS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final int FIRST_YEAR = 1900;

    private MeasuredDay() {
    }

    /**
     * @param text  the day as entered; surrounding blanks are ignored
     * @param today the last day a value may hold for
     * @return the day
     * @throws ValidationException {@code cockpit.measurement.error.date} for anything but a day
     *                             (blank, malformed, impossible, before 1900),
     *                             {@code cockpit.measurement.error.future} for a day after today
     */
    public static LocalDate parse(String text, LocalDate today) {
        String t = text == null ? "" : text.strip();
        for (DateTimeFormatter form : FORMS) {
            try {
                LocalDate day = LocalDate.parse(t, form);
                if (day.getYear() < FIRST_YEAR) {
                    break;
                }
                if (day.isAfter(today)) {
                    throw ValidationException.of("cockpit.measurement.error.future", day.toString());
                }
                return day;
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        throw ValidationException.of("cockpit.measurement.error.date", t);
    }
}
