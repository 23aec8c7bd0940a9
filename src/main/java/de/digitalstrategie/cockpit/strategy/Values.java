package de.digitalstrategie.cockpit.strategy;

import de.digitalstrategie.cockpit.message.Message;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The numbers indicators are measured in: decimals with at most {@link #INTEGER_DIGITS} digits
 * before the point and {@link #FRACTION_DIGITS} after it, stored exactly as text (no binary
 * floating point between a measured value and what the council reads). Read as written in either
 * language's habit: {@code 1234.5}, {@code 1234,5}, and with thousands separators only where they
 * cannot be mistaken for the decimal mark ({@code 1.234,5}, {@code 1,234.5}).
 */
public final class Values {
    public static final int INTEGER_DIGITS = 15;
    public static final int FRACTION_DIGITS = 6;
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]{1,15}([.,][0-9]{1,6})?");
    private static final Pattern GERMAN = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]{1,6})?");
    private static final Pattern ENGLISH = Pattern.compile("-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]{1,6})?");

    private Values() {
    }

    /** The number the text writes, or the reason it is none (as a message naming the text). */
    public static BigDecimal parse(String text) {
        return read(text).orElseThrow(() -> ValidationException.of("cockpit.measurement.error.number",
                text == null ? "" : text.strip()));
    }

    /** The number the text writes, if it writes one. */
    public static Optional<BigDecimal> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().replace('\u2212', '-');
        String plain;
        if (PLAIN.matcher(t).matches()) {
            plain = t.replace(',', '.');
        } else if (GERMAN.matcher(t).matches()) {
            plain = t.replace(".", "").replace(',', '.');
        } else if (ENGLISH.matcher(t).matches()) {
            plain = t.replace(",", "");
        } else {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(plain);
        return fits(value) ? Optional.of(value.stripTrailingZeros().scale() < 0 ? value.setScale(0)
                : value.stripTrailingZeros()) : Optional.empty();
    }

    /** @return the value, if it fits the digits a measured value may have */
    public static BigDecimal check(BigDecimal value, String fieldKey) {
        if (!fits(value)) {
            throw ValidationException.of("cockpit.measurement.error.digits", Message.of(fieldKey),
                    INTEGER_DIGITS, FRACTION_DIGITS);
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static boolean fits(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return Math.max(v.scale(), 0) <= FRACTION_DIGITS && v.precision() - v.scale() <= INTEGER_DIGITS;
    }

    /** As stored: plain, without exponent. */
    public static String stored(BigDecimal value) {
        return value.toPlainString();
    }

    /** As a reader of the language writes it, with every digit the value has. */
    public static String format(BigDecimal value, Locale locale) {
        java.text.DecimalFormat f = (java.text.DecimalFormat) java.text.NumberFormat.getNumberInstance(
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMANY);
        f.setMaximumFractionDigits(FRACTION_DIGITS);
        f.setParseBigDecimal(true);
        return f.format(value);
    }
}
