package io.bitforge.workloads.quant;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantParserTest {
    @Test
    void compactForms() {
        QuantConfig w4a8 = QuantParser.parse("W4A8KV4g128");
        assertEquals(new Precision("int4", 4), w4a8.weights());
        assertEquals(Precision.INT8, w4a8.activations());
        assertEquals(new Precision("int4", 4), w4a8.kvCache());
        assertEquals(128, w4a8.weightGroupSize());
        QuantConfig w4a16 = QuantParser.parse("W4A16");
        assertEquals(Precision.FP16, w4a16.activations());
        assertEquals(Precision.FP16, w4a16.kvCache()); // KV defaults to the activation format
        assertEquals(0, w4a16.weightGroupSize());
        assertEquals(Precision.INT8, QuantParser.parse("W8A8").kvCache());
        QuantConfig fp16 = QuantParser.parse("W16A16KV16");
        assertEquals(List.of(Precision.FP16, Precision.FP16, Precision.FP16),
                List.of(fp16.weights(), fp16.activations(), fp16.kvCache()));
        assertEquals("ternary", QuantParser.parse("W1.58A8").weights().format());
    }

    @Test
    void perOperandFormats() {
        QuantConfig q = QuantParser.parse("W4:bitmod-fp4,A8:int8,g128");
        assertEquals(new Precision("bitmod-mix4", 4), q.weights());
        assertEquals(Precision.INT8, q.activations());
        assertEquals(128, q.weightGroupSize());
        QuantConfig mixed = QuantParser.parse("W4:fp4-e2m1,A8:fp8-e4m3,KV4:int4");
        assertEquals("fp8-e4m3", mixed.activations().format());
        assertEquals(4, mixed.kvCache().bits());
        // Ids and widths come from sim-core's number formats: OliVe pairs, binary coding, ternary.
        assertEquals(new Precision("ovp-int4", 4), QuantParser.parse("W4:ovp-int4,A16:fp16").weights());
        assertEquals(3, QuantParser.parse("W3:bcq3-pot,A16:fp16").weights().bits());
    }

    @Test
    void highPrecisionOpsAreExplicit() {
        QuantConfig q = QuantParser.parse("W4A8");
        assertTrue(q.highPrecisionKinds().containsAll(List.of(OpKind.NORM, OpKind.SOFTMAX, OpKind.LM_HEAD)));
        assertFalse(q.highPrecisionKinds().contains(OpKind.PROJECTION));
        QuantConfig quantisedHead = QuantParser.parse("W4A8,lm_head:same");
        assertEquals(quantisedHead.weights(), quantisedHead.lmHead());
        assertFalse(quantisedHead.highPrecisionKinds().contains(OpKind.LM_HEAD));
        assertEquals(0.01, QuantParser.parse("W8A8,outliers:0.01").outlierFraction());
        QuantConfig nativeInt8 = QuantConfig.nativeTo(Precision.INT8, Precision.INT8);
        assertEquals(List.of(Precision.INT8, Precision.INT8, Precision.INT8, Precision.INT8), List.of(
                nativeInt8.weights(), nativeInt8.activations(), nativeInt8.kvCache(), nativeInt8.lmHead()));
        assertFalse(nativeInt8.highPrecisionKinds().contains(OpKind.ROUTER));
        // a weight-only array: 4-bit weights x FP16 activations, so the KV cache goes to the weight format
        QuantConfig weightOnly = QuantConfig.nativeTo(Precision.INT4, Precision.FP16);
        assertEquals(Precision.INT4, weightOnly.kvCache());
        assertEquals(Precision.FP16, weightOnly.activations());
    }

    @Test
    void badStringsNameTheProblemAndTheGrammar() {
        for (String[] bad : new String[][] {
                {"", "is empty"}, {"W4", "cannot read item 'W4'"}, {"W4:int8,A8:int8", "W4 says 4 bits but int8 stores 8"},
                {"W4:nosuch,A8:int8", "unknown format 'nosuch'"}, {"W9A8", "width must be"},
                {"W4A8,outliers:1.5", "outliers must be a fraction"}, {"W4A8,g0", "group size must be >= 1"},
                {"A8:int8", "needs a weight and an activation format"}, {"W4A1.58", "cannot read item"}}) {
            BadInputException e = assertThrows(BadInputException.class, () -> QuantParser.parse(bad[0]), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
            assertTrue(e.getMessage().contains("grammar: QUANT = "), e.getMessage());
            // A library error names the request field; the CLI turns it into its flag.
            assertTrue(e.getMessage().startsWith("quant: "), e.getMessage());
            assertEquals("quant", assertInstanceOf(BadRequestException.class, e).field());
        }
    }
}
