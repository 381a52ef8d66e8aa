package io.bitforge.reports.html;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV (as the CLI writes it) parsed into rows and drawn as an HTML table. */
final class CsvTable {
    private CsvTable() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    static void render(String text, StringBuilder out) {
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            out.append("<p class=\"note\">(empty table)</p>\n");
            return;
        }
        out.append("<table class=\"rows\">\n<thead><tr>");
        rows.get(0).forEach(c -> out.append("<th>").append(Html.escape(c)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(rows.size() - 1, JsonTables.MAX_ROWS);
        for (int i = 1; i <= shown; i++) {
            out.append("<tr>");
            rows.get(i).forEach(c -> out.append("<td>").append(Html.escape(c)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (rows.size() - 1 > shown) {
            out.append("<p class=\"note\">").append(rows.size() - 1 - shown).append(" more rows are in the file.</p>\n");
        }
    }
}
