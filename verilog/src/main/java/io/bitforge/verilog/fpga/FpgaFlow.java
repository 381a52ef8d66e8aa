package io.bitforge.verilog.fpga;

import io.bitforge.core.io.Json;
import io.bitforge.verilog.tools.IceStorm;
import io.bitforge.verilog.tools.NextpnrIce40;
import io.bitforge.verilog.tools.PnrReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The iCE40 flow for a design already written to a folder: Yosys with a multiplier mapping
 * ({@link Ice40Synthesis}), nextpnr-ice40 with a fixed seed, icepack and icetime; writes {@code fpga-report.json}.
 * Tool failures (a design too large for the part, too many pins) surface as
 * {@link io.bitforge.verilog.tools.ToolException}.
 */
public final class FpgaFlow {
    /** The report every build writes beside its bitstream. */
    public static final String REPORT_FILE = "fpga-report.json";

    private FpgaFlow() {
    }

    /** The pin constraints file every build writes. */
    public static final String PCF_FILE = "board.pcf";

    /**
     * What to build: part, multiplier mapping, clock constraint (MHz), nextpnr seed and the pin constraints;
     * {@code allowUnconstrainedPins} false (a board build) makes a top-level port without a pin an error;
     * {@code dividedClock}, when not null, is the core's clock divided on chip (its constraint is in the pin file).
     */
    public record Settings(FpgaPart part, MultiplierMapping multipliers, double clockMegahertz, int seed,
                           String pcf, boolean allowUnconstrainedPins, DividedClock dividedClock) {
        /** Only the pins in {@code pcf} fixed; nextpnr places the others; one clock. */
        public Settings(FpgaPart part, MultiplierMapping multipliers, double clockMegahertz, int seed, String pcf) {
            this(part, multipliers, clockMegahertz, seed, pcf, true, null);
        }
    }

    /**
     * Builds {@code files} (already in {@code dir}, top module {@code top}), writing the pin file first;
     * {@code design} names it in the report.
     */
    public static FpgaReport build(Path dir, List<String> files, String top, String design, Settings s) {
        write(dir.resolve(PCF_FILE), s.pcf());
        Ice40Synthesis.Result synth = Ice40Synthesis.synthesise(dir, files, top, s.part(), s.multipliers(),
                "top.json", Duration.ofMinutes(20));
        PnrReport pnr = NextpnrIce40.placeAndRoute(dir, "top.json", s.part().device(), s.part().pkg(), PCF_FILE,
                "top.asc", s.clockMegahertz(), s.seed(), Duration.ofMinutes(30), s.allowUnconstrainedPins());
        long bytes = IceStorm.pack(dir, "top.asc", "top.bin");
        double icetime = IceStorm.timingMhz(dir, s.part().device(), s.part().pkg(), PCF_FILE, "top.asc");
        FpgaReport report = new FpgaReport(design, top, s.part(), s.multipliers(), synth.multipliers(),
                synth.logicMultipliers(), s.clockMegahertz(), s.dividedClock(), s.seed(), synth.cells().cellsByType(),
                synth.flipFlops(), pnr, icetime, dir.resolve("top.bin").toString(), bytes);
        write(dir.resolve(REPORT_FILE), Json.write(report.toMap()));
        return report;
    }

    static void write(Path file, String json) {
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
