package io.bitforge.core.op;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpTest {
    @Test
    void convLowersAsScaleSim() {
        // AlexNet conv1 in SCALE-Sim's topology: 227x227x3 padded input, 11x11 filters, 96 of them, stride 4
        // -> 55x55 outputs; K = 11*11*3 = 363.
        GemmOp gemm = new ConvOp("conv1", 227, 227, 11, 11, 3, 96, 4).toGemm(Precision.INT8);
        assertEquals(55 * 55, gemm.m());
        assertEquals(363, gemm.k());
        assertEquals(96, gemm.n());
        // unpadded 224x224: (224 - 11) / 4 + 1 = 54 outputs per side; SCALE-Sim's ceil((224 - 11 + 4) / 4) = 55
        ConvOp unpadded = new ConvOp("conv1", 224, 224, 11, 11, 3, 96, 4);
        assertEquals(54 * 54, unpadded.toGemm(Precision.INT8).m());
        assertEquals(55 * 55, unpadded.toScaleSimGemm(Precision.INT8).m());
        assertEquals(unpadded.toGemm(Precision.INT8).k(), unpadded.toScaleSimGemm(Precision.INT8).k());
    }

    @Test
    void countsAndBytes() {
        GemmOp gemm = GemmOp.of("g", 2, 3, 4, Precision.INT8).withCount(5);
        assertEquals(24, gemm.macs());
        assertEquals(120, gemm.totalMacs());
        assertEquals(240.0, gemm.totalOps());
        assertEquals(3, Precision.INT4.bytesFor(5));
        VectorOp softmax = new VectorOp("softmax", OpKind.SOFTMAX, 1024, 5, 1, 0, 32, Precision.FP16);
        assertEquals(5.0 * 1024 * 32, softmax.totalOps());
        OpGraph graph = new OpGraph("t", List.of(gemm, softmax));
        assertEquals(120, graph.totalMacs());
        assertEquals(1, graph.gemms().size());
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GemmOp.of("g", 0, 1, 1, Precision.INT8));
        assertThrows(IllegalArgumentException.class, () -> new Precision("int8", 0));
    }

    /** 2^56 MACs is the bound; one more is refused, though a double product would round it down to 2^56. */
    @Test
    void theMacBoundIsExactAtItsEdge() {
        long bound = 1L << 56;
        assertEquals(bound, GemmOp.of("g", bound, 1, 1, Precision.INT8).m());
        assertThrows(io.bitforge.core.io.BadInputException.class,
                () -> GemmOp.of("g", bound + 1, 1, 1, Precision.INT8));
        assertThrows(io.bitforge.core.io.BadInputException.class,
                () -> GemmOp.of("g", 1L << 28, (1L << 28) + 1, 1, Precision.INT8));
        assertThrows(io.bitforge.core.io.BadInputException.class,
                () -> GemmOp.of("g", Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Precision.INT8));
    }
}
