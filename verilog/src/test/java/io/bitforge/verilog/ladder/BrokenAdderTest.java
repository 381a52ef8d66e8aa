package io.bitforge.verilog.ladder;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.array.TileArray;
import io.bitforge.verilog.array.TileBuffers;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import io.bitforge.verilog.tools.Cosim;
import io.bitforge.verilog.tools.Iverilog;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ladder must fail when one bit of the PE's adder is flipped, in the Java HDL and in the emitted Verilog. */
class BrokenAdderTest {
    private static final Registry REGISTRY = Registry.load();
    private static final MacIntParams PARAMS = new MacIntParams(8, 8);

    @TempDir
    Path dir;

    @Test
    void aCellWhoseAdderFlipsBitTwoFailsTheJavaLevelNamingOperandsCycleAndSignal() {
        HardwareSpec spec = spec();
        LadderReport report = Ladder.run(spec, new FlippedAdder(new MacIntRtl(PARAMS)), REGISTRY,
                LadderOptions.javaOnly(3));
        assertFalse(report.passed());
        LevelResult first = report.levels().get(0);
        assertEquals("java exhaustive", first.level());
        assertFalse(first.passed());
        assertTrue(first.detail().matches("C\\[\\d+]\\[\\d+] expected -?\\d+, got -?\\d+ on c_\\d_0_\\d\\[\\d+] at cycle "
                + "\\d+; activation codes \\[.*], weight codes \\[.*]"), first.detail());
        // the cycle count is untouched by a wrong sum
        assertTrue(report.levels().get(1).passed());
    }

    @Test
    void flippingOneBitOfTheEmittedAdderIsCaughtByIcarus() throws IOException {
        ToolGate.require("iverilog", "vvp");
        MacIntRtl pe = new MacIntRtl(PARAMS);
        ArrayPlan plan = new ArrayPlan(2, 2, new TileShape(3, 3, 3), pe.timing());
        long[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        long[] b = {9, 8, 7, 6, 5, 4, 3, 2, 1};
        ModuleDef top = TileArray.build(pe, plan, a, b);
        TileRun run = TileSimulation.run(top, plan, new TileBuffers(plan, 8, 8), true);
        List<String> files = Cosim.prepare(top, run.trace(), dir);
        String tb = files.get(files.size() - 1).replace(".v", "");
        assertTrue(Iverilog.compileAndRun(dir, files, tb, List.of(), Duration.ofMinutes(1)).ok(), "unbroken");

        Path cell = dir.resolve(pe.cell(Dataflow.OS).name() + ".v");
        String verilog = Files.readString(cell, StandardCharsets.UTF_8);
        // the accumulator's adder: "assign tN = X + Y;" -> "(X + Y) ^ 32'h4"
        Matcher adder = Pattern.compile("assign (t\\d+) = ([^;]+ \\+ [^;]+);").matcher(verilog);
        assertTrue(adder.find(), verilog);
        String broken = adder.replaceFirst("assign $1 = ($2) ^ 32'h4;");
        Files.writeString(cell, broken, StandardCharsets.UTF_8);
        ToolResult r = Iverilog.compileAndRun(dir, files, tb, List.of(), Duration.ofMinutes(1));
        String log = r.stdout() + r.stderr();
        assertFalse(r.ok() && log.contains("PASS"), log);
        assertTrue(log.lines().anyMatch(l -> l.matches("MISMATCH cycle \\d+ signal c_\\d_0_\\d: expected .*")), log);
    }

    private static HardwareSpec spec() {
        return new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw")
                .withPe(new PeSpec("mac-int", PARAMS)).withArray(new ArraySpec(2, 2));
    }

    /** mac-int with bit 2 of the accumulator's adder output inverted. */
    private record FlippedAdder(MacIntRtl good) implements PeRtl {
        @Override
        public String familyId() {
            return good.familyId();
        }

        @Override
        public String modeName() {
            return good.modeName() + "_broken";
        }

        @Override
        public CellTiming timing() {
            return good.timing();
        }

        @Override
        public Set<Dataflow> dataflows() {
            return good.dataflows();
        }

        @Override
        public int activationCodeBits() {
            return 8;
        }

        @Override
        public int weightCodeBits() {
            return 8;
        }

        @Override
        public int accumulatorBits() {
            return 32;
        }

        @Override
        public ModuleDef cell(Dataflow dataflow) {
            ModuleBuilder m = ModuleBuilder.named("mac_int_broken");
            Port aIn = m.in("a_in", Shape.u(8));
            Port bIn = m.in("b_in", Shape.u(8));
            Port en = m.in("en", Shape.bool());
            Port start = m.in("start", Shape.bool());
            Reg aQ = m.reg("a_q", aIn.shape(), 0);
            Reg bQ = m.reg("b_q", bIn.shape(), 0);
            Reg acc = m.reg("acc_q", Shape.s(32), 0);
            m.next(aQ, aIn, en);
            m.next(bQ, bIn, en);
            var sum = Mux.of(start, Const.of(Shape.s(32), 0), acc).plusWrapped(aIn.asSigned().times(bIn.asSigned()));
            m.next(acc, sum.xor(Const.of(Shape.s(32), 4)), en);
            m.drive(m.out("a_out", aIn.shape()), aQ);
            m.drive(m.out("b_out", bIn.shape()), bQ);
            m.drive(m.out("acc_0_0", Shape.s(32)), acc);
            return m.build();
        }

        @Override
        public long[] activationCodes() {
            return good.activationCodes();
        }

        @Override
        public long[] weightCodes() {
            return good.weightCodes();
        }

        @Override
        public ReferenceGemm reference() {
            return good.reference();
        }
    }
}
