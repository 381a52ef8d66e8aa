package io.bitforge.reports.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Any JSON tree as HTML tables, so a result of a kind the report does not know is still readable: an object is a
 * two-column table of fields, an array of objects a table with one row per element and one column per field
 * (first-seen order), an array of scalars a comma-separated list. Numbers are shown as written in the file.
 */
final class JsonTables {
    /** Arrays longer than this are cut, with a note saying how many rows were left out. */
    static final int MAX_ROWS = 2000;

    private JsonTables() {
    }

    static void render(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("<span class=\"null\">null</span>");
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("<table class=\"kv\">\n");
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                out.append("<tr><th>").append(Html.escape(field)).append("</th><td>");
                render(node.get(field), out);
                out.append("</td></tr>\n");
            }
            out.append("</table>\n");
        } else if (node.isArray()) {
            renderArray(node, out);
        } else {
            out.append(Html.escape(node.asText()));
        }
    }

    private static void renderArray(JsonNode array, StringBuilder out) {
        boolean allObjects = !array.isEmpty();
        boolean allScalars = true;
        for (JsonNode element : array) {
            allObjects &= element.isObject();
            allScalars &= element.isValueNode() || element.isNull();
        }
        if (allScalars) {
            List<String> items = new ArrayList<>();
            array.forEach(e -> items.add(Html.escape(e.asText())));
            out.append(String.join(", ", items));
            return;
        }
        if (!allObjects) {
            out.append("<ol>\n");
            for (JsonNode element : array) {
                out.append("<li>");
                render(element, out);
                out.append("</li>\n");
            }
            out.append("</ol>\n");
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        array.forEach(e -> e.fieldNames().forEachRemaining(columns::add));
        out.append("<table class=\"rows\">\n<thead><tr>");
        columns.forEach(c -> out.append("<th>").append(Html.escape(c)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(array.size(), MAX_ROWS);
        for (int i = 0; i < shown; i++) {
            JsonNode row = array.get(i);
            out.append("<tr>");
            for (String column : columns) {
                JsonNode cell = row.get(column);
                out.append(cell != null && cell.isNumber() ? "<td class=\"num\">" : "<td>");
                if (cell != null) {
                    render(cell, out);
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (array.size() > shown) {
            out.append("<p class=\"note\">").append(array.size() - shown).append(" more rows are in the file.</p>\n");
        }
    }
}
