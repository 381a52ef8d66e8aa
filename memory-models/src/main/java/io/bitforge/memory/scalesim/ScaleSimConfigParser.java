package io.bitforge.memory.scalesim;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.InputText;
import io.bitforge.core.io.Suggestions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a SCALE-Sim v2 {@code .cfg} file. The syntax is Python's {@code configparser}: {@code [section]}
 * headers, {@code key = value} or {@code key: value} lines, option names case-insensitive, whole-line comments
 * starting with {@code #} or {@code ;}. Keys SCALE-Sim v2 reads:
 * <ul>
 * <li>{@code [general] run_name}</li>
 * <li>{@code [architecture_presets] ArrayHeight, ArrayWidth, IfmapSramSzkB, FilterSramSzkB, OfmapSramSzkB,
 * IfmapOffset, FilterOffset, OfmapOffset, Dataflow (os|ws|is)}, and in USER mode {@code Bandwidth} (a
 * comma-separated list, one per memory bank) with {@code MemoryBanks} (default 1)</li>
 * <li>{@code [run_presets] InterfaceBandwidth (CALC|USER)}; BitForge defaults it to CALC when absent</li>
 * <li>{@code [network_presets] TopologyCsvLoc} (optional, quoted path)</li>
 * </ul>
 * The other keys of SCALE-Sim v3 (request buffers, {@code [layout]}, {@code [sparsity]},
 * {@code UseRamulatorTrace}) are accepted and ignored, except that enabled sparsity support is rejected because
 * BitForge does not model it in this mode. Any other section or key is refused with the nearest known name: a
 * misspelt {@code [run_presets]} would otherwise silently switch a USER-bandwidth run to CALC mode.
 */
public final class ScaleSimConfigParser {
    private ScaleSimConfigParser() {
    }

    /** The largest ArrayHeight and ArrayWidth: a hardware spec's array bound (HardwareSpecLoader). */
    static final int MAX_ARRAY_EDGE = 1 << 16;
    /** The most memory banks: a hardware spec's buffer bank bound (HardwareSpecLoader). */
    static final int MAX_BANKS = 1 << 16;

    public static ScaleSimConfig parse(Path file) {
        return parse(file.getFileName().toString(), InputText.lines(file, "SCALE-Sim config"));
    }

    /**
     * Every section and option SCALE-Sim v2 and v3 read (scalesim/scale_config.py, read_conf_file), option
     * names as configparser folds them (lower case).
     */
    private static final Map<String, List<String>> KNOWN = knownKeys();

    private static Map<String, List<String>> knownKeys() {
        Map<String, List<String>> known = new LinkedHashMap<>();
        List<String> layout = List.of("IfmapCustomLayout", "FilterCustomLayout", "IfmapSRAMBankBandwidth",
                "IfmapSRAMBankNum", "IfmapSRAMBankPort", "FilterSRAMBankBandwidth", "FilterSRAMBankNum",
                "FilterSRAMBankPort");
        List<String> architecture = new ArrayList<>(List.of("ArrayHeight", "ArrayWidth", "IfmapSramSzkB",
                "FilterSramSzkB", "OfmapSramSzkB", "IfmapOffset", "FilterOffset", "OfmapOffset", "Dataflow",
                "Bandwidth", "MemoryBanks", "ReadRequestBuffer", "WriteRequestBuffer"));
        // SCALE-Sim v2's own configs/scale.cfg puts the layout switches under [architecture_presets]
        architecture.addAll(layout);
        known.put("general", List.of("run_name"));
        known.put("architecture_presets", List.copyOf(architecture));
        known.put("layout", layout);
        known.put("sparsity", List.of("SparsitySupport", "SparseRep", "NonZeroElems", "OptimizedMapping",
                "BlockSize", "RandomNumberGeneratorSeed"));
        known.put("run_presets", List.of("InterfaceBandwidth", "UseRamulatorTrace"));
        known.put("network_presets", List.of("TopologyCsvLoc", "LayoutCsvLoc"));
        return Collections.unmodifiableMap(known);
    }

    /** Parses {@code lines}; {@code fileName} names the file in error messages. */
    public static ScaleSimConfig parse(String fileName, List<String> lines) {
        Ini ini = Ini.read(fileName, lines);
        ini.refuseUnknown();
        String runName = ini.require("general", "run_name").value;
        boolean user = false;
        Optional<Entry> mode = ini.find("run_presets", "InterfaceBandwidth");
        if (mode.isPresent()) {
            String word = mode.get().value.toUpperCase(Locale.ROOT);
            if (!word.equals("CALC") && !word.equals("USER")) {
                throw mode.get().bad("must be CALC or USER");
            }
            user = word.equals("USER");
        }
        // the bounds of a hardware spec's array.rows and array.cols: past them SCALE-Sim mode's counts (rows x cols
        // cells, fold skews) leave the int range and its reports turn to nonsense
        int rows = ini.require("architecture_presets", "ArrayHeight").intIn(1, MAX_ARRAY_EDGE);
        int cols = ini.require("architecture_presets", "ArrayWidth").intIn(1, MAX_ARRAY_EDGE);
        int ifmapKib = ini.positiveInt("architecture_presets", "IfmapSramSzkB");
        int filterKib = ini.positiveInt("architecture_presets", "FilterSramSzkB");
        int ofmapKib = ini.positiveInt("architecture_presets", "OfmapSramSzkB");
        long ifmapOffset = ini.offset("IfmapOffset", 0);
        long filterOffset = ini.offset("FilterOffset", 10_000_000);
        long ofmapOffset = ini.offset("OfmapOffset", 20_000_000);
        Entry dataflowEntry = ini.require("architecture_presets", "Dataflow");
        ScaleSimDataflow dataflow;
        try {
            dataflow = ScaleSimDataflow.valueOf(dataflowEntry.value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw dataflowEntry.bad("must be os, ws or is");
        }
        int banks = ini.find("architecture_presets", "MemoryBanks").map(e -> e.intIn(1, MAX_BANKS)).orElse(1);
        List<Integer> bandwidths = new ArrayList<>();
        // CALC mode does not use Bandwidth, but SCALE-Sim still parses it: a malformed one is refused in both modes
        Optional<Entry> anyBandwidth = user ? Optional.of(ini.require("architecture_presets", "Bandwidth"))
                : ini.find("architecture_presets", "Bandwidth");
        if (anyBandwidth.isPresent()) {
            Entry bandwidth = anyBandwidth.get();
            for (String part : bandwidth.value.split(",")) {
                try {
                    int words = Integer.parseInt(part.strip());
                    if (words < 1) {
                        throw bandwidth.bad("must be a comma-separated list of integers >= 1 (words per cycle)");
                    }
                    bandwidths.add(words);
                } catch (NumberFormatException e) {
                    throw bandwidth.bad("must be a comma-separated list of integers >= 1 (words per cycle)");
                }
            }
            if (user && bandwidths.size() != banks) {
                throw bandwidth.bad("must list one bandwidth per memory bank (MemoryBanks = " + banks + ")");
            }
        }
        Optional<Entry> sparsity = ini.find("sparsity", "SparsitySupport");
        if (sparsity.isPresent() && sparsity.get().value.equalsIgnoreCase("true")) {
            throw sparsity.get().bad("sparsity is not supported by BitForge's SCALE-Sim mode; must be false");
        }
        Optional<String> topology = ini.find("network_presets", "TopologyCsvLoc")
                .map(e -> e.value.replace("\"", "").strip());
        return new ScaleSimConfig(runName, rows, cols, ifmapKib, filterKib, ofmapKib, ifmapOffset, filterOffset,
                ofmapOffset, dataflow, user, user ? bandwidths : new ArrayList<>(), banks, topology);
    }

    /** One {@code key: value} line with where it came from. */
    private record Entry(String file, int line, String section, String key, String value) {
        BadInputException bad(String allowed) {
            return new BadInputException(file + ": line " + line + ": " + section + "." + key + ": " + allowed
                    + ", got '" + value + "'");
        }

        int intIn(int min, int max) {
            try {
                int v = Integer.parseInt(value);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad("must be an integer from " + min + " to " + max);
        }

        int positiveInt() {
            try {
                int v = Integer.parseInt(value);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad("must be an integer >= 1");
        }
    }

    /** The sections and options of one INI file, option names folded to lower case as configparser does. */
    private record Ini(String file, Map<String, Map<String, Entry>> sections, Map<String, Integer> headerLines) {
        static Ini read(String file, List<String> lines) {
            Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
            Map<String, Integer> headerLines = new HashMap<>();
            String section = null;
            for (int i = 0; i < lines.size(); i++) {
                int lineNumber = i + 1;
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    if (!line.endsWith("]") || line.length() < 3) {
                        throw new BadInputException(file + ": line " + lineNumber + ": section header: must be "
                                + "[name], got '" + line + "'");
                    }
                    section = line.substring(1, line.length() - 1).strip();
                    if (sections.containsKey(section)) {
                        // configparser (strict, its default) refuses it too: which of the two would count?
                        throw new BadInputException(file + ": line " + lineNumber + ": section [" + section
                                + "]: appears twice (first on line " + headerLines.get(section) + ")");
                    }
                    sections.put(section, new LinkedHashMap<>());
                    headerLines.put(section, lineNumber);
                    continue;
                }
                int colon = line.indexOf(':');
                int equals = line.indexOf('=');
                int split = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
                if (split <= 0) {
                    throw new BadInputException(file + ": line " + lineNumber + ": must be 'key: value' or "
                            + "'key = value' or a [section] header, got '" + line + "'");
                }
                if (section == null) {
                    throw new BadInputException(file + ": line " + lineNumber + ": option before any [section] "
                            + "header, got '" + line + "'");
                }
                String key = line.substring(0, split).strip();
                String value = line.substring(split + 1).strip();
                Entry previous = sections.get(section).put(key.toLowerCase(Locale.ROOT),
                        new Entry(file, lineNumber, section, key, value));
                if (previous != null) {
                    throw new BadInputException(file + ": line " + lineNumber + ": " + section + "." + key
                            + ": appears twice in the section (first on line " + previous.line() + ")");
                }
            }
            return new Ini(file, sections, headerLines);
        }

        /** Refuses a section or option SCALE-Sim does not read, naming the nearest known one. */
        void refuseUnknown() {
            for (Map.Entry<String, Map<String, Entry>> section : sections.entrySet()) {
                List<String> keys = KNOWN.get(section.getKey());
                if (keys == null) {
                    throw new BadInputException(file + ": line " + headerLines.get(section.getKey())
                            + ": section [" + section.getKey() + "]: unknown"
                            + Suggestions.didYouMean(section.getKey(), KNOWN.keySet())
                            + "; allowed: " + String.join(", ", KNOWN.keySet()));
                }
                for (Entry entry : section.getValue().values()) {
                    boolean known = keys.stream().anyMatch(k -> k.equalsIgnoreCase(entry.key()));
                    if (!known) {
                        throw new BadInputException(file + ": line " + entry.line() + ": " + section.getKey() + "."
                                + entry.key() + ": unknown option" + Suggestions.didYouMean(entry.key(), keys)
                                + "; allowed in [" + section.getKey() + "]: " + String.join(", ", keys));
                    }
                }
            }
        }

        Optional<Entry> find(String section, String key) {
            return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key.toLowerCase(Locale.ROOT)));
        }

        Entry require(String section, String key) {
            return find(section, key).orElseThrow(() -> new BadInputException(file + ": " + section + "." + key
                    + ": missing; SCALE-Sim configs must set it"
                    + (sections.containsKey(section) ? "" : " (no [" + section + "] section)")));
        }

        int positiveInt(String section, String key) {
            return require(section, key).positiveInt();
        }

        long offset(String key, long defaultValue) {
            Optional<Entry> entry = find("architecture_presets", key);
            if (entry.isEmpty()) {
                return defaultValue;
            }
            try {
                long v = Long.parseLong(entry.get().value);
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw entry.get().bad("must be an integer address offset >= 0");
        }
    }
}
