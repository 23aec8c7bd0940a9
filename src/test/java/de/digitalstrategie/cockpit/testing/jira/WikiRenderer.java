package de.digitalstrategie.cockpit.testing.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Jira's wiki renderer that decides whether text shows as typed: it finds the markup
 * Jira would turn into formatting (headings, quotes, lists, tables, rules, macros such as
 * {@code {code}}, links, images, monospace, bold and the other phrase styles, citations,
 * emoticons, dashes, {@code \\} line breaks) and renders what is left as text, with backslash
 * escapes and character references resolved as Atlassian's renderer resolves them
 * ({@code com.atlassian.renderer.v2.components.BackslashEscapeRendererComponent}: a backslash
 * before one of {@code - # * _ + ? ^ ~ | % { } [ ] ( ) ! @} stands for that character).
 *
 * <p>Not Jira's renderer: it does not build the formatted HTML, only names each piece of markup
 * it finds; its patterns follow Jira's notation help (where markup starts and ends beside a
 * character that is not a letter or digit) and are, if anything, quicker to see markup.
 */
public final class WikiRenderer {
    private static final String WORD = "\\p{L}\\p{Nd}";
    private static final Pattern ESCAPE = Pattern.compile("(^|(?<!\\\\))\\\\([-#*_+?^~|%{}\\[\\]()!@])");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);");

    /** Each kind of markup, found in the raw text; an escaped character never starts or ends one. */
    private static final List<Rule> RULES = List.of(
            new Rule("heading", "(?m)^\\s*h[1-6]\\.\\s"),
            new Rule("quote", "(?m)^\\s*bq\\.\\s"),
            new Rule("list", "(?m)^\\s*[*#-]+\\s"),
            new Rule("table", "(?m)^\\s*\\|"),
            new Rule("rule", "(?m)^\\s*-{4,}\\s*$"),
            new Rule("macro", "(?<!\\\\)\\{[A-Za-z]+(:[^}\\n]*)?(?<!\\\\)\\}"),
            new Rule("monospace", "(?<!\\\\)\\{\\{.+?(?<!\\\\)\\}\\}"),
            new Rule("link", "(?<!\\\\)\\[[^\\]\\n]*?(?<!\\\\)\\]"),
            new Rule("image", "(?<![\\\\" + WORD + "])![^\\s!][^!\\n]*?(?<!\\\\)!"),
            new Rule("citation", "(?<![\\\\" + WORD + "])\\?\\?(?=\\S).+?(?<=\\S)(?<!\\\\)\\?\\?(?![" + WORD + "])"),
            phrase('*', "bold"), phrase('_', "emphasis"), phrase('-', "strikethrough"), phrase('+', "inserted"),
            phrase('^', "superscript"), phrase('~', "subscript"),
            new Rule("dash", "(?<![\\\\-])--"),
            new Rule("line break", "(?<!\\\\)\\\\\\\\"),
            // Jira's emoticons, as its notation help lists them.
            new Rule("emoticon", "(?<!\\\\)\\((y|n|i|/|x|!|\\+|-|\\?|on|off|\\*[rgby]?|flag|flagoff)(?<!\\\\)\\)"
                    + "|:[()PpDd]|;\\)"));

    private record Rule(String kind, Pattern pattern) {
        Rule(String kind, String regex) {
            this(kind, Pattern.compile(regex));
        }
    }

    /** A phrase style: opens after a non-word character, closes before one, no space inside its ends. */
    private static Rule phrase(char delimiter, String kind) {
        String d = Pattern.quote(String.valueOf(delimiter));
        return new Rule(kind, "(?<![\\\\" + WORD + "])" + d + "(?=[^\\s" + d + "])(.*?[^\\s\\\\])" + d
                + "(?![" + WORD + "])");
    }

    /**
     * What Jira makes of a field's wiki markup.
     *
     * @param markup each piece of markup found, as "kind: text", in the order of the rules
     * @param text   what a reader sees where no markup applies: escapes and references resolved
     */
    public record Rendered(List<String> markup, String text) {
        public Rendered {
            markup = List.copyOf(markup);
        }
    }

    private WikiRenderer() {
    }

    public static Rendered render(String wiki) {
        List<String> markup = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(wiki);
            while (m.find()) {
                markup.add(rule.kind() + ": " + m.group());
            }
        }
        return new Rendered(markup, resolveReferences(ESCAPE.matcher(wiki).replaceAll(r -> Matcher.quoteReplacement(
                r.group(1) + "&#" + (int) r.group(2).charAt(0) + ";"))));
    }

    private static String resolveReferences(String text) {
        return REFERENCE.matcher(text).replaceAll(r -> {
            String ref = r.group(1);
            int code;
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                code = Integer.parseInt(ref.substring(2), 16);
            } else if (ref.startsWith("#")) {
                code = Integer.parseInt(ref.substring(1));
            } else {
                code = switch (ref) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    case "bsol" -> '\\';
                    default -> -1;
                };
            }
            return Matcher.quoteReplacement(code < 0 ? r.group() : new String(Character.toChars(code)));
        });
    }
}
