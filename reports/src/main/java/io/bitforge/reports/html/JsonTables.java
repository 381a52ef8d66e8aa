package io.bitforge.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.units.FieldUnits;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Any JSON tree as HTML tables, so a result of a kind the report does not know is still readable: an object is a
 * two-column table of fields, an array of objects a table with one row per element and one column per field
 * (first-seen order), an array of scalars a comma-separated list. Numbers are shown in the unit their field name
 * carries ({@link FieldUnits}: {@code energyPicojoules} in J with an SI prefix), the value as written in the file
 * as hover text.
 */
final class JsonTables {
    /** Arrays longer than this are cut, with a note saying how many rows were left out. */
    static final int MAX_ROWS = 2000;

    private JsonTables() {
    }

    static void render(JsonNode node, StringBuilder out) {
        render(node, null, out);
    }

    /** {@code field}: the name the value sits under (its unit), or null. */
    private static void render(JsonNode node, String field, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("<span class=\"null\">null</span>");
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("<table class=\"kv\">\n");
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                out.append("<tr><th>").append(Html.escape(name)).append("</th><td>");
                // energyPicojoules: {MAC: ..} keeps the parent's unit for its unit-less keys.
                render(node.get(name), FieldUnits.hasUnit(name) || !FieldUnits.hasUnit(field) ? name : field, out);
                out.append("</td></tr>\n");
            }
            out.append("</table>\n");
        } else if (node.isArray()) {
            renderArray(node, field, out);
        } else if (node.isNumber()) {
            number(node, field, out);
        } else {
            out.append(Html.escape(node.asText()));
        }
    }

    private static void number(JsonNode node, String field, StringBuilder out) {
        String human = FieldUnits.format(field, node.asDouble());
        String raw = node.asText();
        if (human.equals(raw)) {
            out.append(Html.escape(raw));
        } else {
            out.append("<span title=\"").append(Html.escape(raw)).append("\">").append(Html.escape(human))
                    .append("</span>");
        }
    }

    private static void renderArray(JsonNode array, String field, StringBuilder out) {
        boolean allObjects = !array.isEmpty();
        boolean allScalars = true;
        for (JsonNode element : array) {
            allObjects &= element.isObject();
            allScalars &= element.isValueNode() || element.isNull();
        }
        if (allScalars) {
            List<String> items = new ArrayList<>();
            for (JsonNode e : array) {
                StringBuilder item = new StringBuilder();
                render(e, field, item);
                items.add(item.toString());
            }
            out.append(String.join(", ", items));
            return;
        }
        if (!allObjects) {
            out.append("<ol>\n");
            for (JsonNode element : array) {
                out.append("<li>");
                render(element, field, out);
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
                    render(cell, column, out);
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
