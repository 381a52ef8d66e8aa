package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.MappingSpec;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.spec.VectorUnitSpec;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TiledDramModelTest {
    /** 4x4 OS array of the test family (INT8 in and out), buffers of {@code bytes} each, DRAM 10 pJ/bit. */
    static HardwareSpec spec(int bytes, MappingSpec mapping) {
        // 128-bit words: a 32-bit element per array lane per cycle, so only DRAM can stall
        BufferSpec buffer = new BufferSpec(bytes / 1024.0, 1, 1, 128);
        return new HardwareSpec("t", TechNode.N45, 1000, new PeSpec("int-test", new TestPeFamily.Params(8)),
                new ArraySpec(4, 4), Dataflow.OS, new BufferSpecs(buffer, buffer, buffer),
                new VectorUnitSpec(16, 16), new DramSpec.Custom(16, 100, 10, 1), mapping);
    }

    static Engine engine(HardwareSpec spec, OptionalDouble bandwidth) {
        TiledDramModel model = TiledDramModel.of(spec, Registry.builder().build(), bandwidth);
        return new Engine(spec, new TestPeFamily(), new HorowitzSram(), model);
    }

    @Test
    void aGemmThatFitsCostsTheStallFreeScheduleAndMovesEachOperandOnce() {
        HardwareSpec spec = spec(8192, MappingSpec.NONE);
        GemmEvaluation e = engine(spec, OptionalDouble.of(1.0)).evaluate(GemmOp.of("g", 4, 4, 4, Precision.INT8));
        // one 4x4 OS fold of 10 cycles; one tile, so the prefetch is outside the total and nothing stalls
        assertEquals(10, e.cost().totalCycles());
        assertEquals(0, e.cost().cycles().memoryStall());
        // A, B, C 16 B each; 48 B x 8 bit x 10 pJ/bit = 3840 pJ
        assertEquals(3840.0, e.cost().energy().picojoules(EnergyCategory.DRAM), 1e-9);
    }

    @Test
    void pinnedTilesOnSmallBuffersStallAtTwoBytesPerCycle() {
        // 8x8x8 INT8, 64 B buffers (32 B halves), pinned 4x8x4 tiles in order mnk: steps (m0,n0) (m0,n1) (m1,n0)
        // (m1,n1). A tile 32 B, B tile 32 B, C tile 16 B. Each tile: OS fold L = 8 + 4 + 4 - 2 = 14 cycles;
        // untiled 2x2 folds of 14 = 56 cycles, so no tiling overhead.
        // Loads: s0 A+B 64 (prefetch), s1 B 32, s2 A+B 64, s3 B 32; every step leaves its C (16 B).
        // Bus at 2 B/cycle: s0 32 B = 16 cyc (stall 2), s1 64 + 16 = 80 B = 40 (26), s2 32 + 16 = 48 B = 24 (10),
        // s3 16 B = 8 (0): 38 stall cycles.
        MappingSpec pins = new MappingSpec(OptionalInt.of(4), OptionalInt.of(8), OptionalInt.of(4), "mnk");
        HardwareSpec spec = spec(64, pins);
        GemmOp op = GemmOp.of("g", 8, 8, 8, Precision.INT8);
        GemmEvaluation e = engine(spec, OptionalDouble.of(2.0)).evaluate(op);
        CostReport cost = e.cost();
        assertEquals(38, cost.cycles().memoryStall());
        assertEquals(56 + 38, cost.totalCycles());
        assertEquals(55 + 38, e.metrics().totalCycles()); // SCALE-Sim convention: last cycle's index
        // A 64 B, B 128 B, C 64 B = 256 B x 8 x 10 pJ/bit
        assertEquals(20480.0, cost.energy().picojoules(EnergyCategory.DRAM), 1e-9);

        TiledDramModel unlimited = TiledDramModel.of(spec, Registry.builder().build(), OptionalDouble.empty());
        GemmMemoryPlan plan = unlimited.plan(spec, op, OperandBits.of(op, 8), engine(spec, OptionalDouble.empty()).evaluate(op).metrics());
        assertEquals(0, plan.memoryStallCycles());
        assertEquals(80.0 / 14, plan.timeline().stallFreeBytesPerCycle(), 1e-12); // s1: 80 B over 14 cycles
        assertEquals(new DramTraffic(64, 128, 64, 0), plan.timeline().traffic());
    }

    @Test
    void theTilerBeatsOrMatchesThePinnedTiling() {
        GemmOp op = GemmOp.of("g", 8, 8, 8, Precision.INT8);
        HardwareSpec free = spec(64, MappingSpec.NONE);
        Engine engine = engine(free, OptionalDouble.empty());
        TiledDramModel model = TiledDramModel.of(free, Registry.builder().build(), OptionalDouble.empty());
        GemmMemoryPlan plan = model.plan(free, op, OperandBits.of(op, 8), engine.evaluate(op).metrics());
        assertTrue(plan.timeline().traffic().totalBytes() <= 256, plan.toString());
    }

    @Test
    void buffersTooSmallOrPinsThatDoNotFitAreBadInput() {
        GemmOp op = GemmOp.of("g", 8, 8, 8, Precision.INT8);
        BadInputException tooSmall = assertThrows(BadInputException.class,
                () -> engine(spec(2, MappingSpec.NONE), OptionalDouble.empty()).evaluate(op));
        assertTrue(tooSmall.getMessage().startsWith("hardware.buffers: too small for g"), tooSmall.getMessage());
        MappingSpec big = new MappingSpec(OptionalInt.of(8), OptionalInt.of(8), OptionalInt.empty(), "");
        BadInputException pinned = assertThrows(BadInputException.class,
                () -> engine(spec(64, big), OptionalDouble.empty()).evaluate(op));
        assertTrue(pinned.getMessage().contains("an A tile of 8 x 8 needs 64 bytes, more than half the activation "
                + "buffer (32 bytes)"), pinned.getMessage());
    }
}
