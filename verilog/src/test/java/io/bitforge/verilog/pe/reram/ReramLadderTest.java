package io.bitforge.verilog.pe.reram;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.pe.reram.AdcScheme;
import io.bitforge.pe.reram.AdcStudy;
import io.bitforge.pe.reram.ReramParams;
import io.bitforge.pe.reram.SarAdc;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.CosimResult;
import io.bitforge.verilog.tools.SynthFlow;
import io.bitforge.verilog.tools.SynthReport;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import io.bitforge.verilog.tools.Yosys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ReRAM digital side against the functional model and adc-study: outputs and comparator cycles per input vector
 * equal {@code CrossbarMvm.run}, and the mean comparator cycles per conversion equals {@code AdcStudy.run}'s for the
 * same seeded matrix and activations, exactly, under full conversion, skipping and two-interval coding.
 */
class ReramLadderTest {
    static final String REST = "buffers:\n  activations: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 16}\n"
            + "  weights: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 16}\n"
            + "  outputs: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 16}\n"
            + "vectorUnit: {lanes: 32, wordBits: 16}\ndram: {custom: {bytesPerCycle: 64, latencyNanoseconds: 100, picojoulesPerBit: 18.75, capacityGibibytes: 16}}\n";
    /** Offset weights with flip encoding, 1-bit DACs, two crossbar row tiles of two ADC partitions each. */
    static final String OFFSET_FLIP = "name: xbar-offset\nnode: 32nm\nclockMegahertz: 1000\npe:\n  family: reram\n"
            + "  params: {crossbarRows: 16, crossbarCols: 32, cellBits: 2, weightBits: 8, signedWeights: offset,\n"
            + "           flipEncoding: true, dacBits: 1, inputBits: 8, parallelRows: 8, colsPerAdc: 32, adcBits: 6,\n"
            + "           intervalBits: 2, truncatedBits: 1, intervalRounding: true}\narray: {rows: 4, cols: 4}\n"
            + "dataflow: ws\n" + REST;
    /** Pos/neg arrays, no flip, 2-bit DACs, truncating two-interval coding. */
    static final String POS_NEG = "name: xbar-posneg\nnode: 32nm\nclockMegahertz: 1000\npe:\n  family: reram\n"
            + "  params: {crossbarRows: 16, crossbarCols: 32, cellBits: 2, weightBits: 6, signedWeights: pos-neg,\n"
            + "           flipEncoding: false, dacBits: 2, inputBits: 6, parallelRows: 16, colsPerAdc: 32, adcBits: 8,\n"
            + "           intervalBits: 4, truncatedBits: 2, intervalRounding: false}\narray: {rows: 4, cols: 4}\n"
            + "dataflow: ws\n" + REST;

    static ReramParams params(String yaml) {
        HardwareSpec spec = new HardwareSpecLoader(Registry.load()).parse(yaml, "test.yaml");
        return (ReramParams) spec.pe().params();
    }

    static int[][] weights(ReramParams p, int outputs, int inputs, long seed) {
        Random random = new Random(seed);
        float[] values = new float[outputs * inputs];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return AdcStudy.quantiseWeights(p, values, outputs, inputs);
    }

    /** The offset configuration with its ADC's full scale at the largest column sum: LSB = 12 / 7 unit currents. */
    static final String OFFSET_FLIP_MAX = OFFSET_FLIP.replace("adcBits: 6,", "adcBits: 3, adcFullScale: max,");
    /** Pos/neg with full scale at the largest sum: LSB = 3·16·3 / 31 = 144 / 31 unit currents. */
    static final String POS_NEG_MAX = POS_NEG.replace("adcBits: 8,", "adcBits: 5, adcFullScale: max,");

    @ParameterizedTest
    @CsvSource({"offset,full", "offset,skip", "offset,two-interval", "posneg,full", "posneg,skip",
        "posneg,two-interval", "offset-max,full", "offset-max,skip", "offset-max,two-interval", "posneg-max,full",
        "posneg-max,skip", "posneg-max,two-interval"})
    void outputsAndComparatorCyclesEqualTheModelAndAdcStudy(String config, String schemeId) {
        ReramParams p = params(switch (config) {
            case "offset" -> OFFSET_FLIP;
            case "posneg" -> POS_NEG;
            case "offset-max" -> OFFSET_FLIP_MAX;
            default -> POS_NEG_MAX;
        });
        AdcScheme scheme = AdcScheme.fromId(schemeId).orElseThrow();
        int outputs = 3;
        int inputs = 32;
        int[][] w = weights(p, outputs, inputs, 26);
        long[][] x = AdcStudy.activations(p, inputs, 3, 7);
        ReramLadder.Result rtl = ReramLadder.run(p, w, x, scheme, false);
        assertTrue(rtl.passed(), rtl.mismatch());
        AdcStudy.Result study = AdcStudy.run(p, w, x, io.bitforge.core.tech.TechNode.N32);
        AdcStudy.SchemeResult row = study.schemes().stream().filter(s -> s.scheme() == scheme).findFirst()
                .orElseThrow();
        assertEquals(study.conversions(), rtl.conversions());
        assertEquals(row.meanComparatorCycles(), rtl.meanComparatorCycles(), 0.0, scheme.id());
        if (scheme == AdcScheme.FULL) {
            // by hand: every conversion is adcBits decisions plus one sampling cycle
            assertEquals(p.adcBits() + 1.0, rtl.meanComparatorCycles(), 0.0);
        } else {
            assertTrue(rtl.meanComparatorCycles() < p.adcBits() + 1.0, "skipping saves cycles: "
                    + rtl.meanComparatorCycles());
        }
        System.out.printf("reram %s %s: %d conversions, mean %.4f comparator cycles, RTL %d cycles%n", config,
                scheme.id(), rtl.conversions(), rtl.meanComparatorCycles(), rtl.rtlCycles());
    }

    @Test
    void compiledAndInterpretedEnginesRunTheLadderAlike() {
        // the parameterised test above runs the compiled engine (the default); the interpreter is its oracle
        for (String yaml : List.of(POS_NEG, OFFSET_FLIP_MAX)) {
            ReramParams p = params(yaml);
            int[][] w = weights(p, 3, 32, 26);
            long[][] x = AdcStudy.activations(p, 32, 3, 7);
            for (AdcScheme scheme : List.of(AdcScheme.SKIP, AdcScheme.TWO_INTERVAL)) {
                ReramLadder.Result compiled = ReramLadder.run(p, w, x, scheme, false, SimEngine.COMPILED);
                ReramLadder.Result interpreted = ReramLadder.run(p, w, x, scheme, false, SimEngine.INTERPRETED);
                assertTrue(compiled.passed(), compiled.mismatch());
                assertEquals(interpreted.mismatch(), compiled.mismatch());
                assertEquals(interpreted.conversions(), compiled.conversions());
                assertEquals(interpreted.comparatorCycles(), compiled.comparatorCycles());
                assertEquals(interpreted.rtlCycles(), compiled.rtlCycles());
            }
        }
    }

    @Test
    void fractionalLsbThresholdsAreTheQuantisersStepsByHand() {
        ReramParams p = params(OFFSET_FLIP_MAX);
        // by hand: flip encoding, 8 rows of 3-level cells, 1-bit inputs: the largest sum 8·3/2 = 12 on 3 bits,
        // LSB = 12/7; code(S) = round(7S/12) reaches c from S >= 12/7·(c − 1/2): 0, 0.86, 2.57, 4.29, 6.00, 7.71,
        // 9.43, 11.14 -> the smallest whole sums 0, 1, 3, 5, 6, 8, 10, 12
        assertEquals(12.0 / 7, p.lsbUnits(), 1e-15);
        assertArrayEquals(new long[] {0, 1, 3, 5, 6, 8, 10, 12},
                ReramCrossbarRtl.thresholds(3, 12, new SarAdc(p)::code));
    }

    @Test
    void icarusVerilatorAndYosysAgree(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator", "yosys");
        ReramParams p = params(OFFSET_FLIP);
        int[][] w = weights(p, 2, 16, 3);
        long[][] x = AdcStudy.activations(p, 16, 2, 5);
        for (AdcScheme scheme : List.of(AdcScheme.FULL, AdcScheme.SKIP, AdcScheme.TWO_INTERVAL)) {
            ReramLadder.Result rtl = ReramLadder.run(p, w, x, scheme, true);
            assertTrue(rtl.passed(), rtl.mismatch());
            Path d = dir.resolve(scheme.id());
            CosimResult r = Cosim.icarus(rtl.design(), rtl.trace(), d.resolve("icarus"));
            assertTrue(r.passed(), r.toString());
            CosimResult v = Cosim.verilator(rtl.design(), rtl.trace(), d.resolve("verilator"));
            assertTrue(v.passed(), v.toString());
            EmittedDesign e = VerilogEmitter.emit(rtl.design());
            e.writeTo(d.resolve("lint"));
            ToolResult lint = Verilator.lint(d.resolve("lint"), e.fileNames(), e.top());
            assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stderr());
            EmittedDesign s = VerilogEmitter.emit(rtl.design(), EmitOptions.synthesis());
            s.writeTo(d.resolve("synth"));
            SynthReport synth = Yosys.synth(d.resolve("synth"), s.fileNames(), s.top(), SynthFlow.ICE40, null,
                    Duration.ofMinutes(5));
            assertTrue(synth.count("SB_LUT4") > 0, synth.cellsByType().toString());
            System.out.println(rtl.design().name() + " iCE40: " + synth.cellsByType());
        }
    }
}
