package io.bitforge.verilog.fpga;

import io.bitforge.verilog.tools.SynthFlow;
import io.bitforge.verilog.tools.SynthReport;
import io.bitforge.verilog.tools.ToolException;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.ToolRunner;
import io.bitforge.verilog.tools.Yosys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Yosys {@code synth_ice40} with a multiplier mapping. Yosys 0.23 has no "use at most k DSPs" option (it maps every
 * multiplier to SB_MAC16 under {@code -dsp}), so {@link MultiplierMapping#AUTO} lists the flattened design's
 * multipliers first, keeps the first ones (in Yosys's order, deterministic for one input) on DSP blocks up to the
 * part's count and turns the rest into {@code $macc} logic ({@code alumacc}) before the DSP mapping step runs;
 * when the SB_MAC16 count then exceeds the part's the split is corrected and synthesis repeated (at most
 * three passes in all).
 */
public final class Ice40Synthesis {
    private static final Pattern CELL = Pattern.compile("^\\s*cell \\$mul (\\S+)\\s*$");
    private static final Pattern PARAM = Pattern.compile("^\\s*parameter \\\\([ABY])_WIDTH (\\d+)\\s*$");
    private static final int MAX_PASSES = 3;

    private Ice40Synthesis() {
    }

    /**
     * Synthesises {@code files} (in {@code dir}) for {@code part} with {@code mapping}, writing {@code jsonNetlist}
     * (null: none).
     *
     * @throws IllegalArgumentException for DSP mapping on a part without DSP blocks
     */
    public static Ice40Synthesis.Result synthesise(Path dir, List<String> files, String top, FpgaPart part,
                                                   MultiplierMapping mapping, String jsonNetlist, Duration timeout) {
        if (mapping == MultiplierMapping.DSP && part.dspBlocks() == 0) {
            throw new IllegalArgumentException("the " + part.device() + " has no DSP blocks");
        }
        List<Multiplier> multipliers = multipliers(dir, files, top, timeout);
        if (mapping == MultiplierMapping.LOGIC || part.dspBlocks() == 0) {
            SynthReport r = Yosys.synth(dir, files, top, SynthFlow.ICE40, jsonNetlist, timeout);
            return new Result(r, mapping, multipliers.size(), multipliers.size());
        }
        int wanted = multipliers.stream().mapToInt(Multiplier::dspBlocks).sum();
        if (mapping == MultiplierMapping.DSP || wanted <= part.dspBlocks()) {
            SynthReport r = Yosys.synth(dir, files, top, SynthFlow.ICE40_DSP, jsonNetlist, timeout);
            return new Result(r, mapping, multipliers.size(), logicCount(multipliers, multipliers.size()));
        }
        int keep = keptWithin(multipliers, part.dspBlocks());
        SynthReport r = budgeted(dir, files, top, multipliers, keep, jsonNetlist, timeout);
        for (int pass = 1; pass < MAX_PASSES && r.count("SB_MAC16") > part.dspBlocks() && keep > 0; pass++) {
            // the estimate missed (a multiplier took more blocks than its widths said): give up the excess
            keep = Math.max(0, keep - (r.count("SB_MAC16") - part.dspBlocks()));
            r = budgeted(dir, files, top, multipliers, keep, jsonNetlist, timeout);
        }
        return new Result(r, mapping, multipliers.size(), multipliers.size() - keep
                + logicCount(multipliers.subList(0, keep), keep));
    }

    /** The flattened design's multipliers after width reduction, in Yosys's order. */
    static List<Multiplier> multipliers(Path dir, List<String> files, String top, Duration timeout) {
        String dump = "multipliers.txt";
        String script = "read_verilog " + String.join(" ", files) + "; synth_ice40 -top " + top
                + " -run begin:coarse; opt_expr; wreduce t:$mul; tee -q -o " + dump + " dump t:$mul";
        ToolResult r = ToolRunner.run(dir, timeout, List.of("yosys", "-q", "-p", script)).orThrow();
        try {
            if (!Files.isRegularFile(dir.resolve(dump))) {
                throw r.failure("exited with 0 but wrote no " + dump);
            }
            return parseDump(Files.readAllLines(dir.resolve(dump), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Multiplier> parseDump(List<String> lines) {
        List<Multiplier> out = new ArrayList<>();
        String name = null;
        int a = 0;
        int b = 0;
        int y = 0;
        for (String line : lines) {
            Matcher cell = CELL.matcher(line);
            if (cell.matches()) {
                if (name != null) {
                    out.add(new Multiplier(name, a, b, y));
                }
                name = cell.group(1);
                a = b = y = 0;
                continue;
            }
            Matcher p = PARAM.matcher(line);
            if (name != null && p.matches()) {
                int width = Integer.parseInt(p.group(2));
                switch (p.group(1)) {
                    case "A" -> a = width;
                    case "B" -> b = width;
                    default -> y = width;
                }
            }
        }
        if (name != null) {
            out.add(new Multiplier(name, a, b, y));
        }
        return out;
    }

    private static SynthReport budgeted(Path dir, List<String> files, String top, List<Multiplier> multipliers,
                                        int keep, String jsonNetlist, Duration timeout) {
        String softList = "logic_multipliers.sel";
        StringBuilder sel = new StringBuilder();
        for (Multiplier m : multipliers.subList(keep, multipliers.size())) {
            sel.append(top).append('/').append(m.name()).append('\n');
        }
        try {
            Files.writeString(dir.resolve(softList), sel.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // alumacc turns the selected $mul cells into $macc logic, which the DSP mapping step does not match
        String before = "synth_ice40 -dsp -top " + top + " -run begin:coarse; opt_expr; wreduce t:$mul; select -read "
                + softList + "; alumacc; select -clear; synth_ice40 -dsp -top " + top + " -run coarse:";
        return Yosys.synthScript(dir, files, before, SynthFlow.ICE40_DSP, jsonNetlist, timeout);
    }

    /** How many of the first {@code count} multipliers fit in {@code dsps} blocks (whole multipliers only). */
    private static int keptWithin(List<Multiplier> multipliers, int dsps) {
        int used = 0;
        int keep = 0;
        for (Multiplier m : multipliers) {
            if (used + m.dspBlocks() > dsps) {
                break;
            }
            used += m.dspBlocks();
            keep++;
        }
        return keep;
    }

    private static int logicCount(List<Multiplier> multipliers, int count) {
        return (int) multipliers.subList(0, count).stream().filter(m -> m.dspBlocks() == 0).count();
    }

    /**
     * The synthesised cells, the mapping asked for, the design's multipliers and how many of them went to logic
     * (including those too narrow for a DSP block).
     */
    public record Result(SynthReport cells, MultiplierMapping mapping, int multipliers, int logicMultipliers) {
        /** SB_MAC16 blocks used. */
        public int dspBlocks() {
            return cells.count("SB_MAC16");
        }

        /** Flip-flops of every SB_DFF variant. */
        public int flipFlops() {
            return cells.cellsByType().entrySet().stream().filter(e -> e.getKey().startsWith("SB_DFF"))
                    .mapToInt(java.util.Map.Entry::getValue).sum();
        }
    }
}
