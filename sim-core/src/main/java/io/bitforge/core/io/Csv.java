package io.bitforge.core.io;

import java.util.List;

/** RFC 4180 CSV with '\n' line ends: fields with commas, quotes or line breaks are quoted. */
public final class Csv {
    private Csv() {
    }

    public static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        return out.append('\n').toString();
    }

    public static String field(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
