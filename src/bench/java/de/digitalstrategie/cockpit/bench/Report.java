package de.digitalstrategie.cockpit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what the workloads measured and writes it: {@code RESULTS.md} (a table per workload)
 * and {@code results.json} (every sample). A hand-written part of RESULTS.md between the markers
 * {@value #KEEP_START} and {@value #KEEP_END} (profiling, before/after of fixes) survives re-runs.
 */
final class Report {
    static final String KEEP_START = "<!-- kept:start -->";
    static final String KEEP_END = "<!-- kept:end -->";

    /** One line of a workload's table; cells are preformatted. */
    record Row(String measure, String baseline, String plugin, String ratio, String target, Boolean met) {
    }

    private static final class Workload {
        final String title;
        final String description;
        final List<Row> rows = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, Object> facts = new LinkedHashMap<>();
        final Map<String, Double> cpu = new LinkedHashMap<>();
        String failure;

        Workload(String title, String description) {
            this.title = title;
            this.description = description;
        }
    }

    private final Map<Integer, Workload> workloads = new TreeMap<>();
    private final Map<String, double[]> samples = new LinkedHashMap<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();

    void workload(int number, String title, String description) {
        workloads.put(number, new Workload(title, description));
    }

    void machine(String name, Object value) {
        machine.put(name, value);
    }

    /** Keeps a case's samples for results.json. */
    void samples(int workload, Samples s) {
        samples.put(workload + ": " + s.name(), s.millis());
        if (s.cpuNanos() != null) {
            samples.put(workload + ": " + s.name() + " (CPU of the measuring thread)",
                    new Samples(s.name(), s.cpuNanos()).millis());
            workloads.get(workload).cpu.put(s.name(), s.cpuMedianMillis());
        }
    }

    void row(int workload, Row row) {
        workloads.get(workload).rows.add(row);
    }

    void note(int workload, String note) {
        workloads.get(workload).notes.add(note);
    }

    void fact(int workload, String name, Object value) {
        workloads.get(workload).facts.put(name, value);
    }

    void failed(int workload, Throwable e) {
        workloads.get(workload).failure = e.toString();
    }

    /** Baseline and plugin, the plugin to be at least {@code factor} times faster. */
    void speedup(int workload, String measure, Samples baseline, Samples plugin, double factor) {
        samples(workload, baseline);
        samples(workload, plugin);
        double ratio = baseline.medianMillis() / plugin.medianMillis();
        row(workload, new Row(measure, ms(baseline), ms(plugin), String.format(Locale.ROOT, "%.1f× faster", ratio),
                String.format(Locale.ROOT, "≥ %.0f× faster", factor), ratio >= factor));
    }

    /** Baseline and plugin, compared without a target (what a case costs beside one that has one). */
    void comparison(int workload, String measure, Samples baseline, Samples plugin) {
        samples(workload, baseline);
        samples(workload, plugin);
        double ratio = baseline.medianMillis() / plugin.medianMillis();
        row(workload, new Row(measure, ms(baseline), ms(plugin), String.format(Locale.ROOT, "%.1f× faster", ratio),
                "— (no target)", null));
    }

    /** Baseline and plugin, the plugin to take at most {@code factor} times the baseline's time. */
    void overhead(int workload, String measure, Samples baseline, Samples plugin, double factor) {
        samples(workload, baseline);
        samples(workload, plugin);
        double ratio = plugin.medianMillis() / baseline.medianMillis();
        row(workload, new Row(measure, ms(baseline), ms(plugin), String.format(Locale.ROOT, "%.2f× the baseline", ratio),
                String.format(Locale.ROOT, "≤ %.0f× the baseline", factor), ratio <= factor));
    }

    /** Baseline and plugin, the plugin to take less than {@code percent} % of the baseline's time. */
    void fraction(int workload, String measure, Samples baseline, Samples plugin, double percent) {
        samples(workload, baseline);
        samples(workload, plugin);
        double ratio = 100 * plugin.medianMillis() / baseline.medianMillis();
        row(workload, new Row(measure, ms(baseline), ms(plugin), String.format(Locale.ROOT, "%.2f %% of the baseline",
                ratio), String.format(Locale.ROOT, "< %s %%", trim(percent)), ratio < percent));
    }

    /** An absolute median, to be below {@code limitMillis}. */
    void below(int workload, String measure, Samples plugin, double limitMillis) {
        samples(workload, plugin);
        row(workload, new Row(measure, "—", ms(plugin), "—", "median < " + trim(limitMillis) + " ms",
                plugin.medianMillis() < limitMillis));
    }

    /** An absolute median, to be at most {@code limitMillis}. */
    void atMost(int workload, String measure, Samples plugin, double limitMillis) {
        samples(workload, plugin);
        row(workload, new Row(measure, "—", ms(plugin), "—", "median ≤ " + trim(limitMillis) + " ms",
                plugin.medianMillis() <= limitMillis));
    }

    /** A measured value against a limit that is not a time. */
    void value(int workload, String measure, String value, String target, Boolean met) {
        row(workload, new Row(measure, "—", value, "—", target, met));
    }

    static String ms(Samples s) {
        double m = s.medianMillis();
        String value = m >= 100 ? String.format(Locale.ROOT, "%.0f", m) : m >= 10
                ? String.format(Locale.ROOT, "%.1f", m) : String.format(Locale.ROOT, "%.2f", m);
        return value + " ms";
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    void write(Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve("RESULTS.md");
        String kept = kept(md);
        StringBuilder s = new StringBuilder();
        s.append("# Benchmark results\n\n");
        s.append("Written by the benchmark run (`").append(command).append("`, see README.md); every sample is in ")
                .append("[results.json](results.json). Each figure is the median of the measured runs after warm-up; ")
                .append("each ratio is against a baseline measured in the same run on the same machine.\n\n");
        s.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        s.append('\n');
        long met = workloads.values().stream().flatMap(w -> w.rows.stream()).filter(r -> Boolean.TRUE.equals(r.met()))
                .count();
        long judged = workloads.values().stream().flatMap(w -> w.rows.stream()).filter(r -> r.met() != null).count();
        s.append("**Targets met: ").append(met).append(" of ").append(judged).append(".**\n\n");
        workloads.forEach((number, w) -> {
            s.append("## ").append(number).append(". ").append(w.title).append("\n\n").append(w.description)
                    .append("\n\n");
            if (w.failure != null) {
                s.append("**Failed:** `").append(w.failure.replace('`', '\'')).append("`\n\n");
            }
            if (!w.rows.isEmpty()) {
                s.append("| measure | baseline (median) | plugin (median) | ratio | target | met? |\n");
                s.append("|---|---:|---:|---|---|---|\n");
                for (Row r : w.rows) {
                    s.append("| ").append(r.measure()).append(" | ").append(r.baseline()).append(" | ")
                            .append(r.plugin()).append(" | ").append(r.ratio()).append(" | ").append(r.target())
                            .append(" | ").append(r.met() == null ? "—" : r.met() ? "yes" : "**no**").append(" |\n");
                }
                s.append('\n');
            }
            if (!w.cpu.isEmpty()) {
                w.facts.put("CPU time of the measuring thread per run (median; without the database server's "
                        + "and, for a baseline over HTTP, the Jira double's threads)", String.join("; ",
                        w.cpu.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f ms", e.getKey(),
                                e.getValue())).toList()));
            }
            if (!w.facts.isEmpty()) {
                w.facts.forEach((k, v) -> s.append("- ").append(k).append(": ").append(v).append('\n'));
                s.append('\n');
            }
            w.notes.forEach(n -> s.append(n).append("\n\n"));
        });
        s.append(KEEP_START).append('\n').append(kept.isBlank() ? "\n" : kept).append(KEEP_END).append('\n');
        Files.writeString(md, s.toString(), StandardCharsets.UTF_8);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("machine", machine);
        Map<String, Object> results = new LinkedHashMap<>();
        workloads.forEach((number, w) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("title", w.title);
            one.put("rows", w.rows);
            one.put("facts", w.facts);
            if (w.failure != null) {
                one.put("failure", w.failure);
            }
            results.put(String.valueOf(number), one);
        });
        json.put("workloads", results);
        Map<String, Double> medians = new LinkedHashMap<>();
        samples.forEach((name, millis) -> {
            double[] sorted = millis.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            medians.put(name, n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
        });
        json.put("medianMillis", medians);
        json.put("samplesMillis", samples);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("results.json").toFile(), json);
    }

    private static String kept(Path md) throws IOException {
        if (!Files.isRegularFile(md)) {
            return "";
        }
        String text = Files.readString(md, StandardCharsets.UTF_8);
        int start = text.indexOf(KEEP_START);
        int end = text.indexOf(KEEP_END);
        return start >= 0 && end > start ? text.substring(start + KEEP_START.length() + 1, end) : "";
    }
}
