package io.bitforge.verilog.pe.shiftadd;

import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.pe.shiftadd.MixPeDatapath;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MixPE W4A16 group sums in RTL against {@link MixPeDatapath#w4a16}, bit for bit; tools replay, lint, synthesis. */
class MixPeFp16GroupRtlTest {
    static float[] gaussian(Random random, int count) {
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    static void drive(Simulator sim, float[] a, QuantizedTensor w, int row, int k, int groupSize, int g) {
        for (int j = 0; j < groupSize; j++) {
            int col = g * groupSize + j;
            sim.poke("a", NumberFormats.FP16.encode(a[col]));
            sim.poke("w", w.code(row * k + col));
            sim.poke("en", 1);
            sim.poke("start", j == 0 ? 1 : 0);
            sim.step();
        }
        sim.poke("en", 0);
    }

    @Test
    void groupSumsEqualTheFunctionalModel() {
        Random random = new Random(2640);
        int n = 4;
        int k = 256;
        int groupSize = 64;
        QuantizedTensor w = Quantizer.builder(NumberFormats.parse("int4")).groupSize(groupSize).symmetric(false)
                .build().quantize(gaussian(random, n * k), n, k);
        float[] a = new float[k];
        for (int i = 0; i < k; i++) {
            a[i] = (float) NumberFormats.FP16.quantize(random.nextGaussian() * Math.scalb(1.0, random.nextInt(10) - 5));
        }
        MixPeDatapath.Result model = MixPeDatapath.w4a16(a, w);
        Simulator sim = Simulator.of(MixPeFp16GroupRtl.build(4, true));
        sim.reset(1);
        assertTrue(((IntFormat) w.format()).bits() == 4);
        for (int row = 0; row < n; row++) {
            for (int g = 0; g < k / groupSize; g++) {
                drive(sim, a, w, row, k, groupSize, g);
                assertEquals(Float.floatToIntBits((float) model.groupSums()[row][g]), (int) sim.peek("psum"),
                        "row " + row + " group " + g);
                assertEquals(Float.floatToIntBits((float) model.activationGroupSums()[g]), (int) sim.peek("asum"));
            }
        }
    }

    @Test
    void icarusVerilatorAndYosysAgree(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator", "yosys");
        Random random = new Random(2641);
        QuantizedTensor w = Quantizer.builder(NumberFormats.parse("int4")).groupSize(16).symmetric(false)
                .build().quantize(gaussian(random, 32), 1, 32);
        float[] a = new float[32];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) NumberFormats.FP16.quantize(random.nextGaussian());
        }
        ModuleDef design = MixPeFp16GroupRtl.build(4, true);
        Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
        sim.reset(1);
        drive(sim, a, w, 0, 32, 16, 0);
        drive(sim, a, w, 0, 32, 16, 1);
        sim.step();
        CosimResult r = Cosim.icarus(design, sim.trace(), dir.resolve("icarus"));
        assertTrue(r.passed(), r.toString());
        EmittedDesign e = VerilogEmitter.emit(design);
        e.writeTo(dir.resolve("lint"));
        ToolResult lint = Verilator.lint(dir.resolve("lint"), e.fileNames(), e.top());
        assertTrue(lint.ok() && Verilator.warnings(lint) == 0, lint.stderr());
        EmittedDesign s = VerilogEmitter.emit(design, EmitOptions.synthesis());
        s.writeTo(dir.resolve("synth"));
        SynthReport synth = Yosys.synth(dir.resolve("synth"), s.fileNames(), s.top(), SynthFlow.ICE40, null,
                Duration.ofMinutes(8));
        assertTrue(synth.count("SB_LUT4") > 0, synth.cellsByType().toString());
        System.out.println(design.name() + " iCE40: " + synth.cellsByType());
    }
}
