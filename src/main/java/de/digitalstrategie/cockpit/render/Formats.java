package de.digitalstrategie.cockpit.render;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Numbers, sums of money and dates as the viewer reads them (German: 1.234.567 €, 31.03.2026). */
public final class Formats {
    private final Locale locale;
    private final NumberFormat euros;
    private final NumberFormat integers;
    private final DateTimeFormatter dates;

    public Formats(Locale locale) {
        Locale region = "de".equals(locale.getLanguage()) ? Locale.GERMANY : Locale.UK;
        this.locale = locale;
        this.euros = NumberFormat.getCurrencyInstance(region);
        euros.setCurrency(Currency.getInstance("EUR"));
        euros.setMaximumFractionDigits(0);
        euros.setMinimumFractionDigits(0);
        this.integers = NumberFormat.getIntegerInstance(region);
        this.dates = "de".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("dd.MM.yyyy")
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.UK);
    }

    /** Whole euros from cents, rounded half up. */
    public String money(long cents) {
        return euros.format((cents + (cents >= 0 ? 50 : -50)) / 100);
    }

    public String number(long n) {
        return integers.format(n);
    }

    public String date(LocalDate day) {
        return day == null ? "" : dates.format(day);
    }

    public Locale locale() {
        return locale;
    }
}
