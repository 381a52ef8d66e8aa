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

    private static String table(List<Map<String, Object>> objects) {
        Set<String> factKeys = new LinkedHashSet<>();
        objects.forEach(o -> o.forEach((k, v) -> {
            if (!k.equals("source") && !(v instanceof List<?>) && !(v instanceof Map<?, ?>)) {
                factKeys.add(k);
            }
        }));
        if (factKeys.isEmpty()) {
            factKeys.addAll(List.of("id", "description"));
        }
        TextTable table = new TextTable(List.copyOf(factKeys));
        for (Map<String, Object> object : objects) {
            List<Object> cells = new ArrayList<>();
            for (String key : factKeys) {
                cells.add(object.get(key));
            }
            table.row(cells);
        }
        return table.toString();
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
