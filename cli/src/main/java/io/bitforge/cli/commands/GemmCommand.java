package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bitforge.api.GemmRequest;
import io.bitforge.api.HardwareChoice;
import io.bitforge.cli.CliContext;
import io.bitforge.core.io.Csv;
import io.bitforge.cli.output.OutputTarget;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.engine.MappingLoader;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Json;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.units.FieldUnits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bitforge gemm}: one GEMM on one array, with SCALE-Sim v2's cycle and utilisation conventions (stall-free
 * bandwidth), plus action counts, energy by category and area.
 */
@Command(name = "gemm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate one GEMM C[MxN] = A[MxK] x B[KxN] on a systolic array (SCALE-Sim v2 conventions) "
                + "with double-buffered SRAMs and DRAM (unlimited bandwidth unless --bandwidth-bytes-per-cycle).",
                "Starts from --hw (default: the tpu-like-int8 preset); the array, dataflow, PE and buffer options "
                        + "override it."})
public final class GemmCommand implements Callable<Integer> {
    private static final String DEFAULT_PRESET = "tpu-like-int8";
    private final CliContext context;

    @Option(names = "--rows", paramLabel = "R", description = "Array rows.")
    Integer rows;
    @Option(names = "--cols", paramLabel = "C", description = "Array columns.")
    Integer cols;
    @Option(names = "--dataflow", paramLabel = "os|ws|is", description = "Dataflow.")
    String dataflow;
    @Option(names = "--m", paramLabel = "M", description = "Rows of A and C (SCALE-Sim's M).")
    Long m;
    @Option(names = "--k", paramLabel = "K", description = "Reduction dimension.")
    Long k;
    @Option(names = "--n", paramLabel = "N", description = "Columns of B and C.")
    Long n;
    @Option(names = "--pe", paramLabel = "FAMILY", description = "PE family id (see 'bitforge list pes').")
    String pe;
    @Option(names = "--wbits", paramLabel = "BITS", description = "Weight bits, for families that take weightBits.")
    Integer weightBits;
    @Option(names = "--abits", paramLabel = "BITS",
            description = "Activation bits, for families that take activationBits.")
    Integer activationBits;
    @Option(names = "--ifmap-kib", paramLabel = "KIB", description = "Activation (ifmap) buffer KiB.")
    Double ifmapKib;
    @Option(names = "--filter-kib", paramLabel = "KIB", description = "Weight (filter) buffer KiB.")
    Double filterKib;
    @Option(names = "--ofmap-kib", paramLabel = "KIB", description = "Output (ofmap) buffer KiB.")
    Double ofmapKib;
    @Option(names = "--hw", paramLabel = "FILE|PRESET", description = "Hardware spec file or preset name.")
    String hardware;
    @Option(names = "--bandwidth-bytes-per-cycle", paramLabel = "B",
            description = "DRAM bandwidth in bytes per cycle; stalls are reported. Default: unlimited (reports the "
                    + "bandwidth needed to be stall-free).")
    Double bandwidth;
    @Option(names = "--scalesim", description = "SCALE-Sim v2 compatibility mode: its buffer and prefetch "
            + "behaviour, one word = one byte; cycles and DRAM figures match SCALE-Sim's reports.")
    boolean scalesim;
    @Option(names = "--scalesim-config", paramLabel = "FILE.cfg",
            description = "Run a SCALE-Sim v2 config (with --topology) and write its three reports (with --out).")
    String scalesimConfig;
    @Option(names = "--topology", paramLabel = "FILE.csv", description = "SCALE-Sim topology for --scalesim-config.")
    String topology;
    @Option(names = "--out", paramLabel = "DIR", description = "With --scalesim-config: write COMPUTE_REPORT.csv, "
            + "BANDWIDTH_REPORT.csv, DETAILED_ACCESS_REPORT.csv and manifest.json here.")
    String out;
    @Option(names = "--mapping", paramLabel = "FILE", description = "A mapping file: {tileM, tileK, tileN, "
            + "loopOrder, dataflow}, each optional (default: the tiler chooses); in SCALE-Sim mode only dataflow.")
    Path mapping;
    @Option(names = "--yes", description = "Run a SCALE-Sim-mode simulation even when it is estimated to take more "
            + "than a minute (it is refused otherwise, with the estimate); one past the heap is still refused.")
    boolean yes;
    @Option(names = "--json", paramLabel = "FILE|-", description = "Write JSON (- is stdout).")
    String json;
    @Option(names = "--csv", paramLabel = "FILE|-", description = "Write CSV (- is stdout).")
    String csv;

    public GemmCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (scalesimConfig != null) {
            refuseWithScaleSimConfig();
            return ScaleSimInterop.run(context, scalesimConfig, topology, out, json, csv, yes);
        }
        if (topology != null || out != null) {
            throw BadInputException.field(null, topology != null ? "--topology" : "--out",
                    topology != null ? topology : out, "only allowed with --scalesim-config");
        }
        if (yes && !scalesim) {
            throw new BadInputException("--yes: only allowed with --scalesim or --scalesim-config (the other "
                    + "models' cost is bounded up front)");
        }
        HardwareSpec spec = spec();
        requireDimension("--m", m);
        requireDimension("--k", k);
        requireDimension("--n", n);
        Map<String, Object> result = context.library().gemm(GemmRequest.builder().hardware(spec).shape(m, k, n)
                .bandwidthBytesPerCycle(bandwidth).scalesim(scalesim).longRunAllowed(yes)
                .mapping(mapping == null ? null : MappingLoader.load(mapping)).build()).asMap();
        if (json != null) { // a table alone needs no JSON serialiser (Jackson's is a share of a small run's start)
            OutputTarget.write("--json", json, Json.write(result), context.out());
        }
        if (csv != null) {
            OutputTarget.write("--csv", csv, csv(result), context.out());
        }
        if (json == null && csv == null) {
            context.out().print(table(result));
        }
        return 0;
    }

    /** The config and topology give the array, buffers and layers: an option that would be ignored is refused. */
    private void refuseWithScaleSimConfig() {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        given.put("--rows", rows);
        given.put("--cols", cols);
        given.put("--dataflow", dataflow);
        given.put("--m", m);
        given.put("--k", k);
        given.put("--n", n);
        given.put("--pe", pe);
        given.put("--wbits", weightBits);
        given.put("--abits", activationBits);
        given.put("--ifmap-kib", ifmapKib);
        given.put("--filter-kib", filterKib);
        given.put("--ofmap-kib", ofmapKib);
        given.put("--hw", hardware);
        given.put("--bandwidth-bytes-per-cycle", bandwidth);
        given.put("--mapping", mapping);
        for (Map.Entry<String, Object> option : given.entrySet()) {
            if (option.getValue() != null) {
                throw BadInputException.field(null, option.getKey(), option.getValue(), "not used with "
                        + "--scalesim-config (the config and --topology give the array, buffers and layers)");
            }
        }
    }

    private HardwareSpec spec() {
        HardwareSpec spec = context.library().hardware(HardwareChoice.named(hardware == null ? DEFAULT_PRESET
                : hardware));
        if (rows != null || cols != null) {
            int r = rows == null ? spec.array().rows() : arrayEdge("--rows", rows);
            int c = cols == null ? spec.array().cols() : arrayEdge("--cols", cols);
            spec = spec.withArray(new ArraySpec(r, c));
        }
        if (dataflow != null) {
            spec = spec.withDataflow(Dataflow.fromId(dataflow).orElseThrow(() -> BadInputException.field(null,
                    "--dataflow", "'" + dataflow + "'", "must be one of " + Dataflow.ids())));
        }
        spec = withPe(spec);
        if (ifmapKib != null || filterKib != null || ofmapKib != null) {
            BufferSpecs b = spec.buffers();
            spec = spec.withBuffers(new BufferSpecs(resized(b.activations(), "--ifmap-kib", ifmapKib),
                    resized(b.weights(), "--filter-kib", filterKib), resized(b.outputs(), "--ofmap-kib", ofmapKib)));
        }
        return spec;
    }

    private HardwareSpec withPe(HardwareSpec spec) {
        String familyId = pe == null ? spec.pe().family() : pe;
        PeFamily family = context.registry().peFamily(familyId).orElseThrow(() -> BadInputException.field(null,
                "--pe", "'" + familyId + "'", "must be a registered PE family (" + String.join(", ",
                        context.registry().ids(CatalogKind.PES)) + ")"));
        PeParams params = familyId.equals(spec.pe().family()) ? spec.pe().params() : family.defaultParams();
        if (weightBits != null || activationBits != null) {
            ObjectNode node = Json.mapper().valueToTree(params.asMap());
            if (weightBits != null) {
                node.put("weightBits", weightBits);
            }
            if (activationBits != null) {
                node.put("activationBits", activationBits);
            }
            params = family.parseParams(SpecNode.detached(node, "--wbits/--abits", "hardware.pe.params"));
        }
        if (!family.dataflows().contains(spec.dataflow())) {
            throw BadInputException.field(null, "--dataflow", spec.dataflow().id(), "PE family " + familyId
                    + " supports " + family.dataflows().stream().map(Dataflow::id).sorted().toList());
        }
        return spec.withPe(new PeSpec(familyId, params));
    }

    private static BufferSpec resized(BufferSpec buffer, String option, Double kib) {
        if (kib == null) {
            return buffer;
        }
        if (!(kib > 0) || kib.isInfinite()) {
            throw BadInputException.field(null, option, kib, "must be > 0");
        }
        if (!(kib >= BufferSpec.MIN_KIB && kib <= BufferSpec.MAX_KIB)) {
            throw BadInputException.field(null, option, kib, BufferSpec.KIB_RANGE);
        }
        return new BufferSpec(kib, buffer.banks(), buffer.portsPerBank(), buffer.wordBits());
    }

    private static void requireDimension(String option, Long value) {
        if (value == null) {
            throw new BadInputException(option + ": missing; give the GEMM's M, K and N (--m, --k, --n) or a "
                    + "--scalesim-config with --topology");
        }
    }

    /** The bounds a hardware spec's array.rows and array.cols have (HardwareSpecLoader). */
    private static int arrayEdge(String option, int value) {
        if (value < 1 || value > 1 << 16) {
            throw BadInputException.field(null, option, value, "must be from 1 to 65536, as array.rows and "
                    + "array.cols in a hardware spec");
        }
        return value;
    }

    private static int requirePositive(String option, long value) {
        if (value < 1) {
            throw BadInputException.field(null, option, value, "must be > 0");
        }
        if (value > Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return (int) value;
    }

    /** The scalar results flattened to one header line and one value line. */
    static String csv(Map<String, Object> result) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", result, flat);
        return Csv.line(List.copyOf(flat.keySet())) + Csv.line(List.copyOf(flat.values()));
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (key.equals("hardware") || key.equals("sources")) {
                return;
            }
            if (value instanceof Map<?, ?> child) {
                flatten(name, child, out);
            } else {
                out.put(name, value);
            }
        });
    }

    private static String table(Map<String, Object> result) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", result, flat);
        TextTable table = new TextTable(List.of("field", "value"));
        flat.forEach((key, value) -> {
            if (!(value instanceof Double d && d == 0.0 && key.startsWith("energyPicojoules."))) {
                // Each value in the unit its field name carries, or its parent's (energyPicojoules.DRAM: "15.1 mJ").
                String unitName = key;
                for (String part : key.split("\\.")) {
                    if (FieldUnits.hasUnit(part)) {
                        unitName = part;
                    }
                }
                table.row(List.of(key, value instanceof Number n && !(value instanceof Long || value instanceof Integer)
                        ? FieldUnits.format(unitName, n.doubleValue()) : value));
            }
        });
        return table.toString();
    }
}
