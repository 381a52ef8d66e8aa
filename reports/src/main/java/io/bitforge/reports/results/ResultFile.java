package io.bitforge.reports.results;

import java.util.Objects;

/**
 * One file of a results directory as its manifest lists it.
 *
 * @param name        file name inside the directory (no folders)
 * @param role        {@code result} (JSON), {@code table} (CSV), {@code chart} (SVG or PNG) or {@code data} (any other
 *                    file, e.g. an explorer's results.jsonl: listed, not rendered)
 * @param description what it holds, one line
 */
public record ResultFile(String name, String role, String description) {
    public static final String RESULT = "result";
    public static final String TABLE = "table";
    public static final String CHART = "chart";
    public static final String DATA = "data";
    public static final java.util.List<String> ROLES = java.util.List.of(RESULT, TABLE, CHART, DATA);

    public ResultFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("result file names are plain file names, got '" + name + "'");
        }
    }
}
