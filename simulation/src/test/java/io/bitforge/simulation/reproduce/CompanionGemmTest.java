package io.bitforge.simulation.reproduce;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompanionGemmTest {
    private static final String HEADER = "layer,kind,tokens,channels,height,width,filters,kernelHeight,kernelWidth,"
            + "stride,padHeight,padWidth,bits.x";

    private static List<GemmOp> layers() {
        return LayerList.parse(List.of(HEADER, "embed,conv,1,3,32,32,64,16,16,16,0,0,8",
                "qkv,fc,1,4096,,,12288,,,,,,4"), "t.csv").gemms("x", 64);
    }

    @Test
    void dequantisationGemmAfterEachFullyConnectedLayer() {
        // int48_bench.py: [1,4096] x [12288,4096] at 4 bits is followed by [1,512] x [96,512] at 8 bits
        List<GemmOp> ops = new CompanionGemm(CompanionGemm.Position.AFTER, 8, 128, 8).around(layers());
        assertEquals(List.of("embed", "qkv", "qkv.companion"), ops.stream().map(GemmOp::name).toList());
        GemmOp dequant = ops.get(2);
        assertEquals(OpKind.GEMM, dequant.kind());
        assertEquals(64, dequant.m());
        assertEquals(512, dequant.k());
        assertEquals(96, dequant.n());
        assertEquals(8, dequant.activations().bits());
        assertEquals(8, dequant.weights().bits());
    }

    @Test
    void baselineGemmBeforeEachFullyConnectedLayer() {
        // float_bench.py: [1,4096] x [1536,4096] at 16 bits before [1,4096] x [12288,4096]
        List<GemmOp> ops = new CompanionGemm(CompanionGemm.Position.BEFORE, 1, 8, 16).around(layers());
        assertEquals(List.of("embed", "qkv.companion", "qkv"), ops.stream().map(GemmOp::name).toList());
        assertEquals(List.of(64L, 4096L, 1536L), List.of(ops.get(1).m(), ops.get(1).k(), ops.get(1).n()));
        assertEquals(16, ops.get(1).outputs().bits());
        // shapes that do not divide round up: 100 outputs / 8 -> 13
        assertEquals(13, new CompanionGemm(CompanionGemm.Position.BEFORE, 1, 8, 8)
                .of(layers().get(1).withShape(64, 4096, 100)).n());
    }

    @Test
    void zeroDivisorsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CompanionGemm(CompanionGemm.Position.AFTER, 0, 1, 8));
    }
}
