package io.bitforge.cli.commands;

import io.bitforge.cli.CliContext;
import io.bitforge.core.io.Csv;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Catalogued;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code bitforge list pes|formats|workloads|devices|memories}: what the registry holds. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the PE families, number formats, workloads, devices, memory presets or built-in hardware "
                + "specs BitForge knows.")
public final class ListCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "KIND", description = "pes, formats, workloads, devices, memories or hardware")
    String kindWord;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write a JSON array of objects (- is stdout).")
    String json;

    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write CSV (- is stdout).")
    String csv;

    public ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CatalogKind kind = CatalogKind.fromWord(kindWord).orElseThrow(() -> BadInputException.field(null,
                "list KIND", "'" + kindWord + "'", "must be one of " + Arrays.stream(CatalogKind.values())
                        .map(CatalogKind::word).collect(Collectors.joining(", "))));
        List<Catalogued> entries = context.registry().list(kind);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Catalogued entry : entries) {
            objects.add(asObject(entry));
        }
        OutputTarget.write("--json", json, Json.write(objects), context.out());
        OutputTarget.write("--csv", csv, toCsv(objects), context.out());
        if (json == null && csv == null) {
            context.out().print(table(objects));
            context.out().println(entries.size() + " " + kind.word());
        }
        return 0;
    }

    static Map<String, Object> asObject(Catalogued entry) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", entry.id());
        object.put("description", entry.description());
        object.put("source", entry.source());
        entry.facts().forEach(object::putIfAbsent);
        return object;
    }

    /** Terminal tables fit this many columns; what does not fit is in --json and --csv. */
    static final int WIDTH = 120;
    /** The description column is never narrower than this; it wraps within its width. */
    private static final int MIN_DESCRIPTION = 30;

    /**
     * The id, then the facts in order while the table still fits {@link #WIDTH} columns with a description of
     * at least {@link #MIN_DESCRIPTION} characters, then the description wrapped to the width left; the facts
     * left out are named below the table.
     */
    static String table(List<Map<String, Object>> objects) {
        Set<String> factKeys = new LinkedHashSet<>();
        objects.forEach(o -> o.forEach((k, v) -> {
            if (!k.equals("source") && !k.equals("id") && !k.equals("description") && !(v instanceof List<?>)
                    && !(v instanceof Map<?, ?>)) {
                factKeys.add(k);
            }
        }));
        int used = Math.max(width(objects, "id"), 2);
        List<String> shown = new ArrayList<>(List.of("id"));
        List<String> omitted = new ArrayList<>();
        for (String key : factKeys) {
            int w = width(objects, key);
            if (used + 2 + w + 2 + MIN_DESCRIPTION <= WIDTH) {
                shown.add(key);
                used += 2 + w;
            } else {
                omitted.add(key);
            }
        }
        shown.add("description");
        int descriptionWidth = Math.min(width(objects, "description"), WIDTH - used - 2);
        TextTable table = new TextTable(shown.stream().map(ListCommand::header).toList());
        for (Map<String, Object> object : objects) {
            List<Object> cells = new ArrayList<>();
            for (String key : shown) {
                cells.add(object.get(key));
            }
            table.row(cells);
        }
        table.wrap(shown.size() - 1, Math.max(descriptionWidth, 10));
        String text = table.toString();
        if (!omitted.isEmpty()) {
            text += String.join("\n", TextTable.wrapped("(more fields with --json or --csv: "
                    + String.join(", ", omitted) + ")", WIDTH)) + "\n";
        }
        return text;
    }

    /** Units spelled out in fact names, as a column header shows them. */
    private static final List<String[]> UNIT_WORDS = List.of(
            new String[] {"gigabits per second per pin", "Gb/s/pin"}, new String[] {"gigabytes per second", "GB/s"},
            new String[] {"picojoules per bit", "pJ/bit"}, new String[] {"gibibytes", "GiB"},
            new String[] {"nanoseconds", "ns"}, new String[] {"megahertz", "MHz"},
            new String[] {"square millimetres", "mm²"}, new String[] {"g bps", "GB/s"}, new String[] {"tops", "TOP/s"},
            new String[] {"kibibytes", "KiB"});

    /** A fact's name as a header: camelCase as words, units as symbols ("peakGigabytesPerSecond": "peak GB/s"). */
    static String header(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
        for (String[] unit : UNIT_WORDS) {
            if (words.endsWith(unit[0])) {
                return words.substring(0, words.length() - unit[0].length()) + unit[1];
            }
        }
        return words;
    }

    private static int width(List<Map<String, Object>> objects, String key) {
        int w = header(key).length();
        for (Map<String, Object> o : objects) {
            Object v = o.get(key);
            w = Math.max(w, v == null ? 0 : String.valueOf(v).length());
        }
        return w;
    }

    private static String toCsv(List<Map<String, Object>> objects) {
        Set<String> keys = new LinkedHashSet<>(List.of("id", "description", "source"));
        objects.forEach(o -> keys.addAll(o.keySet()));
        StringBuilder out = new StringBuilder(Csv.line(List.copyOf(keys)));
        for (Map<String, Object> object : objects) {
            List<Object> cells = new ArrayList<>();
            for (String key : keys) {
                Object value = object.get(key);
                cells.add(value instanceof List<?> || value instanceof Map<?, ?> ? Json.write(value).strip()
                        .replaceAll("\\s+", " ") : value);
            }
            out.append(Csv.line(cells));
        }
        return out.toString();
    }
}
