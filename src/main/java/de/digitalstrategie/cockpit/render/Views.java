package de.digitalstrategie.cockpit.render;

import de.digitalstrategie.cockpit.message.Labelled;
import de.digitalstrategie.cockpit.query.ResultPage;
import de.digitalstrategie.cockpit.query.SortOrder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pieces every table view is made of, as escaped, display-ready values: templates print only
 * {@code ...Html} values and loop over lists; they compute nothing.
 */
public final class Views {
    private Views() {
    }

    /** A column header; {@code urlHtml} empty when the column does not sort (or in an export). */
    public record Header(String labelHtml, String urlHtml, String ariaSortHtml, boolean numeric) {
    }

    /** "1–25 of 42" and the links to the neighbouring pages (empty where there is none). */
    public record Pager(String summaryHtml, String previousUrlHtml, String nextUrlHtml, String positionHtml) {
    }

    public record Option(String valueHtml, String labelHtml, boolean selected) {
    }

    /**
     * A filter control: a select (options) or, without options, a text field; or a checkbox, whose
     * one option is its value and whether it is ticked.
     */
    public record Field(String idHtml, String nameHtml, String labelHtml, String valueHtml, List<Option> options,
                        boolean multiple, boolean checkbox) {
        public Field(String idHtml, String nameHtml, String labelHtml, String valueHtml, List<Option> options,
                     boolean multiple) {
            this(idHtml, nameHtml, labelHtml, valueHtml, options, multiple, false);
        }

        public boolean isSelect() {
            return !checkbox && !options.isEmpty();
        }

        /** For the template, which may call no JDK method: whether the checkbox is ticked. */
        public boolean checked() {
            return checkbox && options.get(0).selected();
        }
    }

    public record Hidden(String nameHtml, String valueHtml) {
    }

    /** The download links of a table view: its current selection as CSV and as XLSX. */
    public record Downloads(String csvUrlHtml, String xlsxUrlHtml) {
        public static Downloads of(MacroRequest request, String path, Map<String, String> selection) {
            Map<String, String> csv = new java.util.LinkedHashMap<>(selection);
            csv.put("format", "csv");
            Map<String, String> xlsx = new java.util.LinkedHashMap<>(selection);
            xlsx.put("format", "xlsx");
            return new Downloads(Html.text(request.restUrl(path, csv)), Html.text(request.restUrl(path, xlsx)));
        }
    }

    /** A GET form that re-renders the page with the chosen filters, keeping other parameters. */
    public record FilterForm(String legendHtml, List<Hidden> hidden, List<Field> fields, String submitHtml,
                             String resetUrlHtml, String resetHtml) {
    }

    /**
     * A select of a filter form, named for the macro instance: "any" first, then {@code values}
     * (value to label); a value is selected when {@code chosen} names it, whatever its case and
     * whether it is written with '_' or '-'.
     */
    public static Field select(MacroRequest request, String name, String label, Map<String, String> values,
                               Collection<String> chosen) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", Html.text(request.texts().plain("cockpit.filter.any")), chosen.isEmpty()));
        Set<String> picked = new HashSet<>();
        chosen.forEach(c -> picked.add(normal(c)));
        values.forEach((v, l) -> options.add(new Option(Html.text(v), Html.text(l), picked.contains(normal(v)))));
        return new Field(Html.text(request.instanceKey() + "-" + name), Html.text(request.ownName(name)),
                Html.text(label), "", options, false);
    }

    /** A text field of a filter form, named for the macro instance. */
    public static Field text(MacroRequest request, String name, String label, String value) {
        return new Field(Html.text(request.instanceKey() + "-" + name), Html.text(request.ownName(name)),
                Html.text(label), Html.text(value), List.of(), false);
    }

    /**
     * A checkbox of a filter form, named for the macro instance, sending {@code true} when ticked;
     * left unticked it sends nothing, so the author's parameter stands, as for the other fields.
     */
    public static Field checkbox(MacroRequest request, String name, String label, boolean checked) {
        return new Field(Html.text(request.instanceKey() + "-" + name), Html.text(request.ownName(name)),
                Html.text(label), "true", List.of(new Option("true", Html.text(label), checked)), false, true);
    }

    /** The values of an enum as a select offers them: its names as parameters write them ("ready-for-vote"), labelled. */
    public static <E extends Enum<E> & Labelled> Map<String, String> choices(E[] values, Texts t) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (E v : values) {
            labels.put(normal(v.name()), t.plain(v));
        }
        return labels;
    }

    private static String normal(String value) {
        return value.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Pager pager(ResultPage<?> page, MacroRequest request) {
        Texts t = request.texts();
        Formats f = request.formats();
        String summary = page.total() == 0 ? t.plain("cockpit.pager.none")
                : t.plain("cockpit.pager.summary", f.number(page.first()), f.number(page.last()), f.number(page.total()));
        String previous = "";
        String next = "";
        if (request.interactive() && page.hasPrevious()) {
            previous = Html.text(request.links().with(Map.of(request.ownName("page"),
                    String.valueOf(page.pageNumber() - 1))));
        }
        if (request.interactive() && page.hasNext()) {
            next = Html.text(request.links().with(Map.of(request.ownName("page"), String.valueOf(page.pageNumber() + 1))));
        }
        String position = t.plain("cockpit.pager.position", f.number(page.pageNumber()), f.number(page.pageCount()));
        return new Pager(Html.text(summary), previous, next, Html.text(position));
    }

    /** Headers for sortable columns; the active one carries aria-sort, each links to its sort. */
    public static <S extends Enum<S>> List<Header> headers(List<Column<S>> columns, S active, SortOrder order,
                                                           MacroRequest request) {
        List<Header> headers = new ArrayList<>();
        for (Column<S> c : columns) {
            String url = "";
            String aria = "";
            if (c.sort() != null) {
                SortOrder next = c.sort() == active ? order.reversed() : SortOrder.ASC;
                aria = c.sort() == active ? order.ariaSort() : "none";
                if (request.interactive()) {
                    // In this order on every node and after every restart (Map.of's order changes per JVM),
                    // so the same page always links to the same addresses.
                    Map<String, String> change = new LinkedHashMap<>();
                    change.put(request.ownName("sort"), c.sort().name().toLowerCase(java.util.Locale.ROOT));
                    change.put(request.ownName("order"), next.name().toLowerCase(java.util.Locale.ROOT));
                    change.put(request.ownName("page"), "");
                    url = Html.text(request.links().with(change));
                }
            }
            headers.add(new Header(Html.text(request.texts().plain(c.labelKey())), url, aria, c.numeric()));
        }
        return headers;
    }

    /** A table column: its label key, the sort it stands for (or null) and whether it holds numbers. */
    public record Column<S extends Enum<S>>(String labelKey, S sort, boolean numeric) {
    }

    /** The request's parameters other than this macro's, as hidden fields of its filter form. */
    public static List<Hidden> hidden(MacroRequest request) {
        List<Hidden> hidden = new ArrayList<>();
        request.links().othersThan(request.instanceKey() + ".")
                .forEach((k, v) -> hidden.add(new Hidden(Html.text(k), Html.text(v))));
        return hidden;
    }
}
