package io.bitforge.reports.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One format's quantisation error as {@code bitforge quantize} reports it: bits per value (metadata included),
 * SQNR of the values and, when measured, of the product W·X; a null SQNR means exact or not measured.
 */
public record SqnrPoint(String format, String granularity, double bitsPerValue, Double sqnrDecibels,
                        Double matmulSqnrDecibels) {
    public SqnrPoint {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(granularity, "granularity");
    }

    /** The rows of a quantize result ({@code results[]} of quantize.json). */
    public static List<SqnrPoint> fromQuantizeJson(JsonNode document, String file) {
        JsonNode results = document.get("results");
        if (results == null || !results.isArray()) {
            throw BadInputException.field(file, "results", results == null ? "nothing" : results.getNodeType(),
                    "must be an array of format results");
        }
        List<SqnrPoint> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode row = results.get(i);
            String where = "results[" + i + "]";
            if (!row.path("format").isTextual() || !row.path("bitsPerValue").isNumber()) {
                throw BadInputException.field(file, where, row, "needs a format (text) and bitsPerValue (number)");
            }
            out.add(new SqnrPoint(row.get("format").asText(), row.path("granularity").asText(""),
                    row.get("bitsPerValue").asDouble(), number(row.get("sqnrDecibels")),
                    number(row.get("matmulSqnrDecibels"))));
        }
        return List.copyOf(out);
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }
}
