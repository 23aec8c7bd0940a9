package de.digitalstrategie.cockpit.macro;

import de.digitalstrategie.cockpit.message.Dates;
import de.digitalstrategie.cockpit.message.ValidationException;
import de.digitalstrategie.cockpit.jira.issue.IssueKey;
import de.digitalstrategie.cockpit.render.MacroRequest;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a macro's string parameters once, at the edge, into typed values. Every refusal names the
 * parameter and quotes the offending value, in the user's language.
 */
public final class MacroParameters {
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private final Map<String, String> raw;

    public MacroParameters(Map<String, String> raw) {
        this.raw = raw == null ? Map.of() : raw;
    }

    /** The trimmed value, or empty when absent or blank. */
    public Optional<String> text(String name) {
        String value = raw.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String required(String name) {
        return text(name).orElseThrow(() -> ValidationException.of("cockpit.macro.error.missing", name));
    }

    public String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /**
     * An enum value, written as its name in any case or with hyphens ("ready-for-vote"); the
     * message lists what is allowed.
     */
    public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String normal = value.get().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normal)) {
                return Optional.of(constant);
            }
        }
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        throw ValidationException.of("cockpit.macro.error.choice", name, value.get(), allowed);
    }

    /** Several enum values, comma-separated. */
    public <E extends Enum<E>> List<E> choices(String name, Class<E> type) {
        List<E> result = new ArrayList<>();
        for (String part : list(name)) {
            result.add(new MacroParameters(Map.of(name, part)).choice(name, type).orElseThrow());
        }
        return result;
    }

    /** A date as ISO (2026-03-31) or German (31.3.2026), within {@link Dates#FIRST} to {@link Dates#LAST}. */
    public Optional<LocalDate> date(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        for (Function<String, LocalDate> parser : List.<Function<String, LocalDate>>of(LocalDate::parse,
                v -> LocalDate.parse(v, GERMAN_DATE))) {
            LocalDate day;
            try {
                day = parser.apply(value.get());
            } catch (DateTimeParseException e) {
                continue;
            }
            if (!Dates.inRange(day)) {
                throw ValidationException.of("cockpit.macro.error.date-range", name, value.get(), Dates.FIRST.toString(),
                        Dates.LAST.toString());
            }
            return Optional.of(day);
        }
        throw ValidationException.of("cockpit.macro.error.date", name, value.get());
    }

    public boolean flag(String name, boolean fallback) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "ja", "yes", "1" -> true;
            case "false", "nein", "no", "0" -> false;
            default -> throw ValidationException.of("cockpit.macro.error.flag", name, value.get());
        };
    }

    public int number(String name, int fallback, int min, int max) {
        return bounded(name, fallback, min, max, "cockpit.macro.error.number", min, max);
    }

    /**
     * A year the plugin accepts ({@link Dates}). Its bounds go into the message as text: as numbers
     * they would be printed with a thousands separator ("1.990").
     */
    public int year(String name, int fallback) {
        return bounded(name, fallback, Dates.FIRST_YEAR, Dates.LAST_YEAR, "cockpit.macro.error.year",
                String.valueOf(Dates.FIRST_YEAR), String.valueOf(Dates.LAST_YEAR));
    }

    private int bounded(String name, int fallback, int min, int max, String errorKey, Serializable shownMin,
                        Serializable shownMax) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ValidationException.of(errorKey, name, value.get(), shownMin, shownMax);
    }

    /** A comma- or whitespace-separated list, duplicates removed, order kept. */
    public List<String> list(String name) {
        return text(name).map(v -> List.copyOf(new LinkedHashSet<>(
                Arrays.stream(v.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList()))).orElse(List.of());
    }

    /** Jira issue keys, each checked; "DIGI-1, digi-1" is one key, as Jira reads it. */
    public List<String> issueKeys(String name) {
        Set<String> keys = new LinkedHashSet<>();
        for (String key : list(name)) {
            String upper = key.toUpperCase(Locale.ROOT);
            if (!IssueKey.isValid(upper)) {
                throw ValidationException.of("cockpit.macro.error.issue-key", name, key);
            }
            keys.add(upper);
        }
        return List.copyOf(keys);
    }

    /**
     * The author's parameters with the viewer's choices in the request (a filter form, a sort link)
     * put over them, one by one; only {@code names} may be chosen so.
     */
    public MacroParameters withViewerChoices(MacroRequest request, List<String> names) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String name : names) {
            request.own(name).or(() -> text(name)).ifPresent(v -> merged.put(name, v));
        }
        return new MacroParameters(merged);
    }
}
