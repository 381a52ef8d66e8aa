package io.bitforge.reports.html;

import io.bitforge.core.units.QuantityColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table for people: text columns and quantity columns, each quantity column in one SI prefix named in its
 * header ({@link QuantityColumn}), rendered as an HTML table whose raw values are kept as hover text.
 */
public final class HumanTable {
    private final String caption;
    private final List<String> headers = new ArrayList<>();
    private final List<List<String>> cells = new ArrayList<>();
    private final List<List<String>> raw = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private int rows = -1;

    public HumanTable(String caption) {
        this.caption = Objects.requireNonNull(caption, "caption");
    }

    public String caption() {
        return caption;
    }

    public List<String> headers() {
        return List.copyOf(headers);
    }

    public int rows() {
        return Math.max(rows, 0);
    }

    public HumanTable text(String header, List<String> values) {
        return add(header, values.stream().map(v -> v == null ? "" : v).toList(), null, false);
    }

    /** Values in the base unit (s, J, B, ops) scaled to one SI prefix for the column. */
    public HumanTable quantity(String header, String unit, List<Double> values) {
        QuantityColumn column = QuantityColumn.of(header, unit, values);
        return add(column.header(), column.cells(values), rawText(values), true);
    }

    /** Values in a unit that takes no prefix (mm², %, dB, ×). */
    public HumanTable fixed(String header, String unit, List<Double> values) {
        QuantityColumn column = QuantityColumn.unprefixed(header, unit, values);
        return add(column.header(), column.cells(values), rawText(values), true);
    }

    private static List<String> rawText(List<Double> values) {
        return values.stream().map(v -> v == null ? "" : String.valueOf(v)).toList();
    }

    private HumanTable add(String header, List<String> values, List<String> rawValues, boolean isNumber) {
        if (rows >= 0 && values.size() != rows) {
            throw new IllegalArgumentException("column " + header + " has " + values.size() + " rows, table has "
                    + rows);
        }
        rows = values.size();
        headers.add(header);
        cells.add(values);
        raw.add(rawValues);
        numeric.add(isNumber);
        return this;
    }

    void render(StringBuilder out) {
        out.append("<div class=\"scroll\">\n<table class=\"headline\">\n<caption>").append(Html.escape(caption))
                .append("</caption>\n<thead><tr>");
        headers.forEach(h -> out.append("<th>").append(Html.escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows(); r++) {
            out.append("<tr>");
            for (int c = 0; c < headers.size(); c++) {
                if (numeric.get(c)) {
                    out.append("<td class=\"num\" title=\"").append(Html.escape(raw.get(c).get(r))).append("\">");
                } else {
                    out.append("<td>");
                }
                // Long lists ("W4:int4,A8:int8,...") may break after a comma rather than widen the table.
                out.append(Html.escape(cells.get(c).get(r)).replace(",", ",<wbr>")).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
    }
}
