package io.bitforge.core.io;

import io.bitforge.core.units.QuantityColumn;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned text and right-aligned numbers, for terminal output. */
public final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    /** A column whose text wraps at word boundaries to this width (-1: none). */
    private int wrapColumn = -1;
    private int wrapWidth;
    /** Columns of quantities in a base unit, shown in one SI prefix per column (the reports' formatter). */
    private final java.util.Map<Integer, String> quantityUnits = new java.util.HashMap<>();
    private final java.util.Map<Integer, Boolean> prefixed = new java.util.HashMap<>();

    public TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public TextTable row(List<?> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size()
                    + " columns");
        }
        List<String> text = new ArrayList<>();
        for (Object cell : cells) {
            text.add(cell == null ? "" : String.valueOf(cell));
        }
        rows.add(text);
        return this;
    }

    /**
     * Declares {@code column} a quantity in base {@code unit} (s, J, B, or "" for a count): rows give it numbers,
     * and it is printed in one SI prefix for the whole column, named in the header, at three significant digits.
     */
    public TextTable quantity(int column, String unit) {
        quantityUnits.put(column, unit);
        prefixed.put(column, true);
        return this;
    }

    /** Like {@link #quantity} for a unit that takes no prefix (mm², %, dB, ×): three significant digits. */
    public TextTable fixedQuantity(int column, String unit) {
        quantityUnits.put(column, unit);
        prefixed.put(column, false);
        return this;
    }

    /** Wraps {@code column}'s cells at spaces to {@code width} characters, continuing on the next lines. */
    public TextTable wrap(int column, int width) {
        if (column < 0 || column >= headers.size() || width < 10) {
            throw new IllegalArgumentException("wrap column " + column + " width " + width);
        }
        wrapColumn = column;
        wrapWidth = width;
        return this;
    }

    /** The widest cell (header included) of each column. */
    public int[] naturalWidths() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        return widths;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        if (!quantityUnits.isEmpty()) {
            return withQuantitiesFormatted().toString();
        }
        int[] widths = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], c == wrapColumn ? 0 : row.get(c).length());
                numeric[c] &= row.get(c).isEmpty() || row.get(c).matches("[-+]?[0-9][0-9,._eE+%-]*|-?∞|n/a");
            }
        }
        if (wrapColumn >= 0) {
            for (List<String> row : rows) {
                for (String line : wrapped(row.get(wrapColumn), wrapWidth)) {
                    widths[wrapColumn] = Math.max(widths[wrapColumn], line.length());
                }
            }
            numeric[wrapColumn] = false;
        }
        StringBuilder out = new StringBuilder();
        append(out, headers, widths, numeric);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        for (List<String> row : rows) {
            if (wrapColumn < 0) {
                append(out, row, widths, numeric);
                continue;
            }
            List<String> lines = wrapped(row.get(wrapColumn), wrapWidth);
            for (int i = 0; i < lines.size(); i++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    cells.add(c == wrapColumn ? lines.get(i) : i == 0 ? row.get(c) : "");
                }
                append(out, cells, widths, numeric);
            }
        }
        return out.toString();
    }

    /** A copy whose quantity columns hold their formatted text and whose headers name the prefixed unit. */
    private TextTable withQuantitiesFormatted() {
        List<String> newHeaders = new ArrayList<>(headers);
        List<List<String>> newRows = new ArrayList<>();
        rows.forEach(r -> newRows.add(new ArrayList<>(r)));
        for (var entry : quantityUnits.entrySet()) {
            int c = entry.getKey();
            List<Double> values = new ArrayList<>();
            for (List<String> row : rows) {
                values.add(row.get(c).isEmpty() ? null : Double.valueOf(row.get(c)));
            }
            QuantityColumn column = prefixed.get(c) ? QuantityColumn.of(headers.get(c), entry.getValue(), values)
                    : QuantityColumn.unprefixed(headers.get(c), entry.getValue(), values);
            newHeaders.set(c, column.header());
            for (int r = 0; r < rows.size(); r++) {
                newRows.get(r).set(c, column.cell(values.get(r)));
            }
        }
        TextTable copy = new TextTable(newHeaders);
        newRows.forEach(copy::row);
        if (wrapColumn >= 0) {
            copy.wrap(wrapColumn, wrapWidth);
        }
        return copy;
    }

    /** Text broken at spaces into lines of at most {@code width} (a longer word is cut). */
    public static List<String> wrapped(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void append(StringBuilder out, List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
