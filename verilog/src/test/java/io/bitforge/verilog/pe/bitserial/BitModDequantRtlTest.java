package io.bitforge.verilog.pe.bitserial;

import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import io.bitforge.pe.bitserial.BitSerialPe;
import io.bitforge.pe.bitserial.Term;
import io.bitforge.pe.bitserial.UnifiedTerms;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.sim.SimOptions;
import io.bitforge.verilog.sim.Simulator;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.CosimResult;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BitMoD's group dequantiser in RTL against the functional model {@link BitSerialPe#dot}, bit for bit: the partial
 * sums fed to the unit are the term engine's (Σ a · Σ unified terms, FP16 activations in units of 2^-24, as the
 * array cell {@link BitModRtl} accumulates them), the scales FP16 values (BitMoD stores FP16 scales), and the FP32
 * output must equal the model's {@code dot(...).value()}.
 */
class BitModDequantRtlTest {
    private static final int G = 128;

    /** The FP16 scale codes of a tensor quantised with {@code format}: its scales rounded to FP16. */
    private static QuantizedTensor withFp16Scales(QuantizedTensor w) {
        double[] scales = w.scales().clone();
        for (int i = 0; i < scales.length; i++) {
            scales[i] = NumberFormats.FP16.quantize(scales[i]);
        }
        return new QuantizedTensor(w.format(), w.layout(), w.codes(), scales, w.zeroPoints(), w.choices(),
                w.metadataBitsPerGroup(), w.rounding());
    }

    private static void checkRows(Simulator sim, QuantizedTensor w, int[] activationCodes) {
        List<UnifiedTerms> decoders = UnifiedTerms.forFormat(w.format());
        boolean mixture = w.format() instanceof BitmodMixture;
        int k = w.layout().cols();
        BitSerialPe pe = new BitSerialPe(4);
        for (int row = 0; row < w.layout().rows(); row++) {
            for (int g = 0; g < k / G; g++) {
                int group = w.layout().groupOf(row * k + g * G);
                UnifiedTerms terms = decoders.get(mixture ? w.choices()[group] : 0);
                long partial = 0;
                for (int i = g * G; i < (g + 1) * G; i++) {
                    long grid = 0;
                    for (Term t : terms.terms(w.code(row * k + i))) {
                        grid += t.value();
                    }
                    long activation = (long) Math.scalb(NumberFormats.FP16.decode(activationCodes[i]), 24);
                    partial = Math.addExact(partial, Math.multiplyExact(activation, grid));
                }
                sim.poke("en", 1);
                sim.poke("first", g == 0 ? 1 : 0);
                sim.poke("partial", partial);
                sim.poke("unit_shift", terms.unitShift());
                sim.poke("scale", NumberFormats.FP16.encode(w.scales()[group]));
                sim.step();
            }
            sim.poke("en", 0);
            float model = pe.dot(w, row, activationCodes).value();
            assertEquals(Integer.toHexString(Float.floatToRawIntBits(model)), Integer.toHexString((int) sim.peek("y")),
                    w.format().id() + " row " + row);
        }
    }

    private static int[] activations(Random random, int k, int spreadBinades) {
        int[] codes = new int[k];
        for (int i = 0; i < k; i++) {
            double v = random.nextGaussian() * Math.scalb(1.0, random.nextInt(spreadBinades) - spreadBinades / 2);
            codes[i] = (int) NumberFormats.FP16.encode(v);
        }
        return codes;
    }

    private static QuantizedTensor weights(Random random, String format, int n, int k) {
        float[] x = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(16) - 8));
        }
        return withFp16Scales(Quantizer.builder(NumberFormats.parse(format)).groupSize(G).build().quantize(x, n, k));
    }

    private static ModuleDef unit() {
        return BitModDequantRtl.build(BitModRtl.FP16_ACCUMULATOR_BITS, 24);
    }

    @Test
    void seededGroupsEqualTheFunctionalModel() {
        Random random = new Random(2620);
        Simulator sim = Simulator.of(unit());
        sim.reset(1);
        for (String format : List.of("bitmod-mix4", "bitmod-mix3", "bitmod-fp4-er+", "int4")) {
            QuantizedTensor w = weights(random, format, 12, 3 * G);
            checkRows(sim, w, activations(random, 3 * G, 24));
        }
    }

    @Test
    void tinyAndHugeActivationsRoundAsTheModel() {
        Random random = new Random(2621);
        Simulator sim = Simulator.of(unit());
        sim.reset(1);
        // subnormal FP16 activations (partials of a few units of 2^-24) and the largest ones, so that products
        // underflow FP32's normals or need the wide normaliser's sticky bits
        QuantizedTensor w = weights(random, "bitmod-mix4", 8, 2 * G);
        int[] tiny = new int[2 * G];
        int[] huge = new int[2 * G];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = random.nextInt(16) | (random.nextBoolean() ? 0x8000 : 0);
            huge[i] = 0x7800 + random.nextInt(0x3FF) | (random.nextBoolean() ? 0x8000 : 0);
        }
        checkRows(sim, w, tiny);
        checkRows(sim, w, huge);
    }

    @Test
    void icarusReplaysAndVerilatorLintsClean(@TempDir Path dir) throws IOException {
        ToolGate.require("iverilog", "vvp", "verilator");
        Random random = new Random(2622);
        ModuleDef design = unit();
        Simulator sim = Simulator.of(design, SimOptions.defaults().withTrace());
        sim.reset(1);
        checkRows(sim, weights(random, "bitmod-mix4", 3, 2 * G), activations(random, 2 * G, 16));
        sim.step();
        CosimResult r = Cosim.icarus(design, sim.trace(), dir.resolve("icarus"));
        assertEquals(true, r.passed(), r.toString());
        EmittedDesign e = VerilogEmitter.emit(design);
        e.writeTo(dir.resolve("lint"));
        ToolResult lint = Verilator.lint(dir.resolve("lint"), e.fileNames(), e.top());
        assertEquals(true, lint.ok() && Verilator.warnings(lint) == 0, lint.stdout() + lint.stderr());
    }
}
