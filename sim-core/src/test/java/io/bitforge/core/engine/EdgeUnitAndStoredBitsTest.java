package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.EdgeUnit;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.MappingSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.spec.TestPeFamily;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Edge units (area per lane of the edge an operand enters by) and stored weight widths, by hand. */
class EdgeUnitAndStoredBitsTest {
    private static final double EPS = 1e-9;
    private static final CostSource SOURCE = new CostSource("test-edge", "round test figures", "45nm", true);

    /** The test family (1 pJ per MAC, 100 µm² per cell at 45 nm) with weight decoders and a stored width. */
    private static final class Decoded implements PeFamily {
        private final TestPeFamily base = new TestPeFamily(EnumSet.allOf(Dataflow.class));
        private final double storedBits;

        Decoded(double storedBits) {
            this.storedBits = storedBits;
        }

        @Override
        public String id() {
            return base.id();
        }

        @Override
        public String description() {
            return base.description();
        }

        @Override
        public String source() {
            return base.source();
        }

        @Override
        public PeParams parseParams(SpecNode params) {
            return base.parseParams(params);
        }

        @Override
        public PeParams defaultParams() {
            return base.defaultParams();
        }

        @Override
        public Set<Dataflow> dataflows() {
            return base.dataflows();
        }

        @Override
        public NativePrecisions nativePrecisions(PeParams params) {
            return base.nativePrecisions(params);
        }

        @Override
        public CellTiming timing(PeParams params, GemmOp op) {
            return base.timing(params, op);
        }

        @Override
        public CellCost cellCost(PeParams params, GemmOp op) {
            return base.cellCost(params, op);
        }

        @Override
        public double storedWeightBits(PeParams params, GemmOp op) {
            return op.bOperand() == BOperand.WEIGHTS ? storedBits : op.weights().bits();
        }

        @Override
        public List<EdgeUnit> edgeUnits(PeParams params) {
            return List.of(new EdgeUnit("test-decoders", Operand.WEIGHTS, TechNode.N45, 10.0, SOURCE),
                    new EdgeUnit("test-decoders", Operand.ACTIVATIONS, TechNode.N45, 1.0, SOURCE));
        }
    }

    private static HardwareSpec spec(Dataflow dataflow) {
        return EngineTest.spec(TechNode.N45).withArray(new ArraySpec(4, 6)).withDataflow(dataflow);
    }

    @Test
    void edgeUnitsArePerLaneOfTheEdgeTheirOperandEntersBy() {
        GemmOp op = GemmOp.of("g", 4, 4, 4, Precision.INT8);
        // 4 rows x 6 columns. os and ws: weights enter through the 6 columns, activations along the 4 rows:
        // 6·10 + 4·1 = 64 µm²; is: weights along the 4 rows, activations through the 6 columns: 4·10 + 6·1 = 46 µm²
        for (Dataflow dataflow : List.of(Dataflow.OS, Dataflow.WS)) {
            CostReport cost = new Engine(spec(dataflow), new Decoded(8)).evaluate(op).cost();
            assertEquals(64.0, cost.areaSquareMicrometres().get("test-decoders"), EPS, dataflow.id());
            assertEquals(24 * 100.0, cost.areaSquareMicrometres().get("pe-array"), EPS);
            assertEquals(2400.0 + 64, cost.areaSquareMicrometres().get("pe-array")
                    + cost.areaSquareMicrometres().get("test-decoders"), EPS);
            assertEquals(true, cost.sources().contains(SOURCE));
        }
        CostReport is = new Engine(spec(Dataflow.IS), new Decoded(8)).evaluate(op).cost();
        assertEquals(46.0, is.areaSquareMicrometres().get("test-decoders"), EPS);
        // layer-overlap puts output channels on the rows: weights along the 4 rows, activations through the 6
        // columns, whatever the dataflow: 46 µm²
        HardwareSpec overlap = spec(Dataflow.OS).withMapping(MappingSpec.NONE.withCycleModel(
                io.bitforge.core.spec.CycleModel.LAYER_OVERLAP));
        CostReport lo = new Engine(overlap, new Decoded(8)).evaluate(op).cost();
        assertEquals(46.0, lo.areaSquareMicrometres().get("test-decoders"), EPS);
        // area is scaled to the spec's node like the cells (45 nm -> 28 nm by the same factor)
        HardwareSpec at28 = EngineTest.spec(TechNode.N28).withArray(new ArraySpec(4, 6));
        CostReport scaled = new Engine(at28, new Decoded(8)).evaluate(op).cost();
        double factor = scaled.areaSquareMicrometres().get("pe-array") / 2400.0;
        assertEquals(64.0 * factor, scaled.areaSquareMicrometres().get("test-decoders"), 1e-6);
    }

    @Test
    void storedWeightBitsSetTiledDramTrafficAndWeightSramEnergy() {
        // 4x4 os array, 8 KiB buffers, unlimited bandwidth; M=4 K=64 N=4 fits on chip in one tile
        HardwareSpec spec = EngineTest.spec(TechNode.N45).withMapping(MappingSpec.NONE);
        TiledDramModel dram = TiledDramModel.of(spec, Registry.builder().build(), OptionalDouble.empty());
        GemmOp op = new GemmOp("g", OpKind.GEMM, 4, 64, 4, 1, Precision.INT8, Precision.INT4, Precision.INT8,
                BOperand.WEIGHTS, 0);
        Engine plain = new Engine(spec, new Decoded(4), new HorowitzSram(), dram);
        Engine effective = new Engine(spec, new Decoded(4.5), new HorowitzSram(), dram);
        // weights: 64·4 elements at 4 bits = 128 B; at 4.5 bits = 144 B
        assertEquals(128, plain.evaluate(op).cost().actions().dramBytes(Operand.WEIGHTS));
        assertEquals(144, effective.evaluate(op).cost().actions().dramBytes(Operand.WEIGHTS));
        // DRAM energy: (A 256 + B + C 16) B x 8 x 10 pJ/bit
        assertEquals((256 + 144 + 16) * 80.0, effective.evaluate(op).cost().energy()
                .picojoules(EnergyCategory.DRAM), EPS);
        // weight SRAM reads cost the stored width: the read energy grows by 4.5/4 on the weight share
        CostReport a = plain.evaluate(op).cost();
        CostReport b = effective.evaluate(op).cost();
        long weightReads = a.actions().sramReads(Operand.WEIGHTS);
        double perBit = new HorowitzSram().readPicojoulesPerBit(spec.buffers().weights());
        assertEquals(weightReads * 0.5 * perBit, b.energy().picojoules(EnergyCategory.SRAM_READ)
                - a.energy().picojoules(EnergyCategory.SRAM_READ), 1e-6);
        // the default rule: code bits plus one FP16 scale per group
        GemmOp grouped = new GemmOp("g", OpKind.GEMM, 4, 64, 4, 1, Precision.INT8, Precision.INT4, Precision.INT8,
                BOperand.WEIGHTS, 32);
        Engine defaults = new Engine(spec, new TestPeFamily(), new HorowitzSram(), dram);
        assertEquals(4.5, defaults.storedWeightBits(grouped), EPS);
        // 64·4 weights at 4 + 16/32 bits = 144 B
        assertEquals(144, defaults.evaluate(grouped).cost().actions().dramBytes(Operand.WEIGHTS));
    }
}
