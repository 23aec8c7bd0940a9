package de.digitalstrategie.cockpit.message;

/**
 * Checks on free text entered by users, shared by every record that carries such text. Each
 * failure names the field (by its i18n label key) and the limit.
 */
public final class Text {
    private Text() {
    }

    /** @return the trimmed text; refuses a blank or over-long value */
    public static String required(String value, String fieldKey, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of("cockpit.validation.required", Message.of(fieldKey));
        }
        return limited(value.strip(), fieldKey, maxLength);
    }

    /** @return the trimmed text, or "" for none; refuses an over-long value */
    public static String optional(String value, String fieldKey, int maxLength) {
        return value == null ? "" : limited(value.strip(), fieldKey, maxLength);
    }

    /** @return the value; refuses a missing choice (a kind, a status, a date) */
    public static <T> T present(T value, String fieldKey) {
        if (value == null) {
            throw ValidationException.of("cockpit.validation.required", Message.of(fieldKey));
        }
        return value;
    }

    private static String limited(String value, String fieldKey, int maxLength) {
        if (value.length() > maxLength) {
            throw ValidationException.of("cockpit.validation.too-long", Message.of(fieldKey), maxLength,
                    value.length());
        }
        return value;
    }

    /** Length limit for one-line fields stored in a VARCHAR(255) column. */
    public static final int LINE = 255;
    /** Length limit for long text (CLOB/TEXT columns): generous, but bounded against abuse. */
    public static final int LONG = 100_000;
}
