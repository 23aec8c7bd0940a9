package de.digitalstrategie.cockpit.bench;

import de.digitalstrategie.cockpit.minutes.storage.BareStaxPass;
import de.digitalstrategie.cockpit.minutes.storage.MacroInstance;
import de.digitalstrategie.cockpit.minutes.storage.StorageFormatReader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Workload 3: every decision and advisory-input macro of a 5 MB minutes page with 1,000 of them
 * (StorageFormatReader, as the page sync runs it on every publish), against one bare StAX pass over
 * the same page with the same wrapper, entities and parser settings.
 */
final class StorageFormatBench {
    static final int WORKLOAD = 3;
    static final int MACROS = 1000;
    static final Set<String> NAMES = Set.of("committee-decision", "advisory-input");

    private StorageFormatBench() {
    }

    static void run(Report report, int warmup, int iterations) {
        String page = page(MACROS, 5_000_000);
        int bytes = page.getBytes(StandardCharsets.UTF_8).length;
        StorageFormatReader reader = new StorageFormatReader(NAMES);
        List<Samples> samples = Measure.interleave(warmup, iterations,
                new Measure.Case("bare StAX pass", 1, () -> BareStaxPass.events(page)),
                new Measure.Case("StorageFormatReader.read", 1, new Measure.Trial() {
                    @Override
                    public Object run() {
                        return reader.read(page);
                    }

                    @Override
                    public void check(Object result) {
                        List<?> found = (List<?>) result;
                        long decisions = found.stream()
                                .filter(m -> ((MacroInstance) m).name().equals("committee-decision")).count();
                        if (found.size() != MACROS || decisions != MACROS / 2) {
                            throw new IllegalStateException("found " + found.size() + " macros, " + decisions
                                    + " decisions");
                        }
                    }
                }));
        Samples baseline = samples.get(0);
        Samples plugin = samples.get(1);
        report.overhead(WORKLOAD, String.format(Locale.ROOT, "find %,d decision and advisory-input macros in a "
                + "%.1f MB page", MACROS, bytes / 1e6), baseline, plugin, 2);
        report.fact(WORKLOAD, "page", String.format(Locale.ROOT, "%,d bytes (UTF-8), %,d characters; %d decisions "
                + "and %d advisory inputs with parameters, rich-text bodies, a nested status macro each, every "
                + "tenth inside an expand macro; tables, lists and HTML entities around them", bytes, page.length(),
                MACROS / 2, MACROS / 2));
        report.fact(WORKLOAD, "throughput", String.format(Locale.ROOT, "reader %.0f MB/s, bare pass %.0f MB/s",
                bytes / 1e6 / (plugin.medianMillis() / 1000), bytes / 1e6 / (baseline.medianMillis() / 1000)));
    }

    /** A minutes page of {@code macros} agenda items, each with a decision or an advisory input, padded to about {@code size} characters. */
    static String page(int macros, int size) {
        SplittableRandom r = new SplittableRandom(42);
        int perItem = size / macros;
        StringBuilder s = new StringBuilder(size + 100_000);
        s.append("<p>Protokoll der Sitzung des Lenkungskreises am 12.&nbsp;M&auml;rz&nbsp;2026</p>");
        for (int i = 1; i <= macros; i++) {
            s.append("<h2>TOP ").append(i).append(" &ndash; ").append(words(r, 5)).append("</h2>");
            StringBuilder macro = new StringBuilder();
            boolean decision = i % 2 == 1;
            macro.append("<ac:structured-macro ac:name=\"").append(decision ? "committee-decision" : "advisory-input")
                    .append("\" ac:schema-version=\"1\" ac:macro-id=\"").append(new UUID(r.nextLong(), r.nextLong()))
                    .append("\">");
            parameter(macro, "number", (decision ? "LK-2026-" : "BR-2026-") + String.format(Locale.ROOT, "%04d", i));
            parameter(macro, "title", words(r, 6) + " &amp; " + words(r, 3) + "&nbsp;");
            parameter(macro, "projects", "DIGI-" + (1 + r.nextInt(9000)) + ", DIGI-" + (1 + r.nextInt(9000)));
            if (decision) {
                macro.append("<ac:parameter ac:name=\"owner\"><ri:user ri:userkey=\"8a7f808a8f1e2b3c018f1e2b3c4d")
                        .append(String.format(Locale.ROOT, "%04d", i % 10_000)).append("\" /></ac:parameter>");
                parameter(macro, "status", "decided");
                parameter(macro, "due", "31.12.2026");
            } else {
                parameter(macro, "sectors", "wirtschaft, wissenschaft");
                parameter(macro, "answer-status", "open");
            }
            macro.append("<ac:rich-text-body><p>Der Lenkungskreis <strong>beschlie&szlig;t</strong> ")
                    .append(sentences(r, 5)).append("</p><ul><li>").append(sentences(r, 1)).append("</li><li>")
                    .append(sentences(r, 1)).append("</li></ul><p>Stand: <ac:structured-macro ac:name=\"status\" ")
                    .append("ac:schema-version=\"1\" ac:macro-id=\"s-").append(i).append("\"><ac:parameter ")
                    .append("ac:name=\"title\">BESCHLOSSEN</ac:parameter><ac:parameter ac:name=\"colour\">Green")
                    .append("</ac:parameter></ac:structured-macro></p></ac:rich-text-body></ac:structured-macro>");
            if (i % 10 == 0) {
                s.append("<ac:structured-macro ac:name=\"expand\" ac:schema-version=\"1\" ac:macro-id=\"e-").append(i)
                        .append("\"><ac:parameter ac:name=\"title\">Details</ac:parameter><ac:rich-text-body>")
                        .append(macro).append("</ac:rich-text-body></ac:structured-macro>");
            } else {
                s.append(macro);
            }
            // The discussion around it: paragraphs and a table, until the item has its share of the page.
            while (s.length() < (long) i * perItem) {
                s.append("<p>").append(sentences(r, 3)).append("</p>");
                if (r.nextInt(3) == 0) {
                    s.append("<table><tbody><tr><th>Ma&szlig;nahme</th><th>Kosten&nbsp;(&euro;)</th></tr><tr><td>")
                            .append(words(r, 4)).append("</td><td>").append(r.nextInt(100_000)).append("</td></tr>")
                            .append("</tbody></table>");
                }
            }
        }
        return s.toString();
    }

    private static void parameter(StringBuilder s, String name, String value) {
        s.append("<ac:parameter ac:name=\"").append(name).append("\">").append(value).append("</ac:parameter>");
    }

    private static final String[] WORDS = ("Digitalisierung B&uuml;rgerservice Onlinezugang E-Akte Schulen WLAN "
            + "Glasfaser Sensorik Parkraum Verkehrsdaten Geoportal Terminvergabe F&ouml;rderantrag Bauantrag "
            + "Wohngeld Stadtbibliothek Stra&szlig;enbeleuchtung Schnittstelle Datenplattform Barrierefreiheit "
            + "Klimaschutz und der die das mit f&uuml;r im zur Umsetzung Haushalt Beschluss Vorlage").split(" ");

    private static String words(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : r.nextInt(12) == 0 ? "&nbsp;" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static String sentences(SplittableRandom r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(words(r, 10 + r.nextInt(10))).append(r.nextInt(8) == 0 ? " &ndash; " : ". ");
        }
        return s.toString();
    }
}
