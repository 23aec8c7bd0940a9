package de.digitalstrategie.cockpit.testing.jira;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The subset of JQL the {@link JiraDouble} understands: clauses joined by AND, in parentheses at
 * will, and an ORDER BY.
 * <ul>
 *   <li>{@code project = KEY}, {@code project in (A, B)}; an unknown project is an error, as in Jira</li>
 *   <li>{@code issuetype = "Name"} (also {@code type}), {@code ... in (...)}, quoted or bare</li>
 *   <li>{@code labels = x}, {@code labels in (x, y)}</li>
 *   <li>{@code key = A-1}, {@code key in } (also {@code issuekey}); a key that exists no
 *       more is an error, as in Jira</li>
 *   <li>{@code updated} and {@code created} with {@code = > >= < <=} and "yyyy-MM-dd HH:mm", or a
 *       duration back from now ("-15m", "-2h", "-1d", "-1w"),
 *       "yyyy/MM/dd HH:mm" or a date alone, read in the user's zone and compared to the minute</li>
 *   <li>{@code ORDER BY} updated, created or key, each ASC or DESC; without ORDER BY the double
 *       sorts by key descending (Jira promises nothing there: a caller must ask for an order)</li>
 * </ul>
 * Anything else (OR, NOT, functions, other fields) is refused with a 400 that says so.
 */
final class Jql {
    /** What a query may name, for the checks Jira makes before it searches. */
    interface Catalog {
        boolean hasProject(String key);

        boolean hasIssueType(String name);

        boolean hasIssue(String key);

        /** The server's clock, for relative dates such as "-15m". */
        Instant now();
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-[0-9]+");
    private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,7})([mhdw])");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm", Locale.ROOT));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT));
    static final Comparator<StoredIssue> DEFAULT_ORDER = StoredIssue.BY_KEY.reversed();

    final Predicate<StoredIssue> filter;
    final Comparator<StoredIssue> order;

    private Jql(Predicate<StoredIssue> filter, Comparator<StoredIssue> order) {
        this.filter = filter;
        this.order = order;
    }

    static Jql parse(String text, ZoneId zone, Catalog catalog) {
        return new Parser(text == null ? "" : text, zone, catalog).query();
    }

    private enum Kind { WORD, STRING, OPERATOR, OPEN, CLOSE, COMMA, END }

    private record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        String shown() {
            return kind == Kind.END ? "the end of the query" : "'" + text + "'";
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private final ZoneId zone;
        private final Catalog catalog;
        private int next;

        Parser(String text, ZoneId zone, Catalog catalog) {
            this.tokens = tokenize(text);
            this.zone = zone;
            this.catalog = catalog;
        }

        Jql query() {
            Predicate<StoredIssue> filter = issue -> true;
            if (peek().kind != Kind.END && !peek().isWord("order")) {
                filter = and();
            }
            Comparator<StoredIssue> order = DEFAULT_ORDER;
            if (peek().isWord("order")) {
                take();
                expectWord("by");
                order = orderBy();
            }
            if (peek().kind != Kind.END) {
                throw syntax("Expecting either 'OR' or 'AND' but got " + peek().shown() + ".", peek());
            }
            return new Jql(filter, order);
        }

        private Predicate<StoredIssue> and() {
            Predicate<StoredIssue> filter = term();
            while (true) {
                if (peek().isWord("and")) {
                    take();
                    filter = filter.and(term());
                } else if (peek().isWord("or")) {
                    throw syntax("'OR' is not supported by the Jira double.", peek());
                } else {
                    return filter;
                }
            }
        }

        private Predicate<StoredIssue> term() {
            if (peek().kind == Kind.OPEN) {
                take();
                Predicate<StoredIssue> inner = and();
                if (peek().kind != Kind.CLOSE) {
                    throw syntax("Expecting ')' but got " + peek().shown() + ".", peek());
                }
                take();
                return inner;
            }
            if (peek().isWord("not")) {
                throw syntax("'NOT' is not supported by the Jira double.", peek());
            }
            return clause();
        }

        private Predicate<StoredIssue> clause() {
            Token fieldToken = take();
            if (fieldToken.kind != Kind.WORD && fieldToken.kind != Kind.STRING) {
                throw syntax("Expecting a field name but got " + fieldToken.shown() + ".", fieldToken);
            }
            String field = fieldToken.text.toLowerCase(Locale.ROOT);
            switch (field) {
                case "project" -> {
                    List<String> values = values(field);
                    values.stream().filter(k -> !catalog.hasProject(k)).findFirst().ifPresent(k -> {
                        throw JiraError.messages(400, "The value '" + k + "' does not exist for the field 'project'.");
                    });
                    Set<String> keys = upper(values);
                    return issue -> keys.contains(issue.project().toUpperCase(Locale.ROOT));
                }
                case "issuetype", "type" -> {
                    List<String> values = values(field);
                    values.stream().filter(n -> !catalog.hasIssueType(n)).findFirst().ifPresent(n -> {
                        throw JiraError.messages(400, "The value '" + n + "' does not exist for the field 'issuetype'.");
                    });
                    Set<String> names = lower(values);
                    return issue -> names.contains(issue.issueType().toLowerCase(Locale.ROOT));
                }
                case "labels" -> {
                    Set<String> labels = lower(values(field));
                    return issue -> issue.labels().stream().anyMatch(l -> labels.contains(l.toLowerCase(Locale.ROOT)));
                }
                case "key", "issuekey" -> {
                    Set<String> keys = upper(values(field));
                    for (String key : keys) {
                        if (!KEY.matcher(key).matches()) {
                            throw JiraError.messages(400, "The issue key '" + key + "' for field 'key' is invalid.");
                        }
                        if (!catalog.hasIssue(key)) {
                            throw JiraError.messages(400, "An issue with key '" + key + "' does not exist for field 'key'.");
                        }
                    }
                    return issue -> keys.contains(issue.key());
                }
                case "updated", "created" -> {
                    return dateClause(field);
                }
                default -> throw JiraError.messages(400, "Field '" + fieldToken.text
                        + "' does not exist or you do not have permission to view it.");
            }
        }

        /** "= value" or "in (value, ...)". */
        private List<String> values(String field) {
            Token operator = take();
            if (operator.kind == Kind.OPERATOR && operator.text.equals("=")) {
                return List.of(value(field));
            }
            if (operator.isWord("in")) {
                if (take().kind != Kind.OPEN) {
                    throw syntax("Expecting '(' after 'in'.", operator);
                }
                List<String> values = new ArrayList<>();
                values.add(value(field));
                while (peek().kind == Kind.COMMA) {
                    take();
                    values.add(value(field));
                }
                Token close = take();
                if (close.kind != Kind.CLOSE) {
                    throw syntax("Expecting ')' but got " + close.shown() + ".", close);
                }
                return values;
            }
            throw syntax("Expecting operator but got " + operator.shown() + ". The Jira double knows '=' and 'in' for '"
                    + field + "'.", operator);
        }

        private String value(String field) {
            Token value = take();
            if (value.kind != Kind.WORD && value.kind != Kind.STRING) {
                throw syntax("Expecting a value for '" + field + "' but got " + value.shown() + ".", value);
            }
            return value.text;
        }

        private Predicate<StoredIssue> dateClause(String field) {
            Token operator = take();
            if (operator.kind != Kind.OPERATOR || operator.text.equals("!=")) {
                throw syntax("Expecting one of '=', '>', '>=', '<', '<=' for '" + field + "' but got "
                        + operator.shown() + ".", operator);
            }
            Instant bound = instant(field, value(field));
            boolean updated = field.equals("updated");
            String op = operator.text;
            return issue -> {
                // Jira compares dates in JQL to the minute.
                Instant at = (updated ? issue.updated() : issue.created()).truncatedTo(ChronoUnit.MINUTES);
                int c = at.compareTo(bound);
                return switch (op) {
                    case "=" -> c == 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    case "<" -> c < 0;
                    default -> c <= 0;
                };
            };
        }

        private Instant instant(String field, String text) {
            java.util.regex.Matcher relative = RELATIVE.matcher(text.strip());
            if (relative.matches()) {
                // Relative to the server's clock, as Jira reads "-15m", "-2h", "-1d", "-1w".
                long n = Long.parseLong(relative.group(1));
                java.time.Duration unit = switch (relative.group(2)) {
                    case "m" -> java.time.Duration.ofMinutes(1);
                    case "h" -> java.time.Duration.ofHours(1);
                    case "d" -> java.time.Duration.ofDays(1);
                    default -> java.time.Duration.ofDays(7);
                };
                return catalog.now().minus(unit.multipliedBy(n)).truncatedTo(ChronoUnit.MINUTES);
            }
            for (DateTimeFormatter format : DATE_TIMES) {
                try {
                    return LocalDateTime.parse(text, format).atZone(zone).toInstant();
                } catch (DateTimeException ignored) {
                    // try the next format
                }
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(text, format).atStartOfDay(zone).toInstant();
                } catch (DateTimeException ignored) {
                    // try the next format
                }
            }
            throw JiraError.messages(400, "Date value '" + text + "' for field '" + field + "' is invalid. Valid "
                    + "formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd'.");
        }

        private Comparator<StoredIssue> orderBy() {
            Comparator<StoredIssue> order = sortKey();
            while (peek().kind == Kind.COMMA) {
                take();
                order = order.thenComparing(sortKey());
            }
            // Equal sort values still come in a fixed order, as in Jira.
            return order.thenComparing(StoredIssue.BY_KEY);
        }

        private Comparator<StoredIssue> sortKey() {
            Token field = take();
            Comparator<StoredIssue> order = switch (field.kind == Kind.WORD ? field.text.toLowerCase(Locale.ROOT) : "") {
                case "updated" -> Comparator.comparing(StoredIssue::updated);
                case "created" -> Comparator.comparing(StoredIssue::created);
                case "key", "issuekey" -> StoredIssue.BY_KEY;
                default -> throw syntax("The Jira double cannot sort by " + field.shown() + ".", field);
            };
            if (peek().isWord("desc")) {
                take();
                return order.reversed();
            }
            if (peek().isWord("asc")) {
                take();
            }
            return order;
        }

        private void expectWord(String word) {
            Token token = take();
            if (!token.isWord(word)) {
                throw syntax("Expecting '" + word + "' but got " + token.shown() + ".", token);
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token token = tokens.get(next);
            if (token.kind != Kind.END) {
                next++;
            }
            return token;
        }
    }

    private static JiraError syntax(String problem, Token at) {
        return JiraError.messages(400, "Error in the JQL Query: " + problem + " (line 1, character " + at.position
                + ")");
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c),
                        start + 1));
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= text.length()) {
                    throw JiraError.messages(400, "Error in the JQL Query: The quoted string starting at character "
                            + (start + 1) + " has not been completed.");
                }
                i++;
                tokens.add(new Token(Kind.STRING, value.toString(), start + 1));
            } else if ("=!<>".indexOf(c) >= 0) {
                i++;
                if (i < text.length() && text.charAt(i) == '=') {
                    i++;
                }
                String operator = text.substring(start, i);
                if (operator.equals("!")) {
                    throw JiraError.messages(400, "Error in the JQL Query: '!' is a reserved JQL character. (line 1, "
                            + "character " + (start + 1) + ")");
                }
                tokens.add(new Token(Kind.OPERATOR, operator, start + 1));
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                        && "(),=!<>\"'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start + 1));
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    private static Set<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static Set<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
