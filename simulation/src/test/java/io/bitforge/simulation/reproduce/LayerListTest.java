package io.bitforge.simulation.reproduce;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerListTest {
    private static final String HEADER = "layer,kind,tokens,channels,height,width,filters,kernelHeight,kernelWidth,"
            + "stride,padHeight,padWidth,bits.a,bits.b";

    private static LayerList parse(String... rows) {
        List<String> lines = new java.util.ArrayList<>(List.of("# comment", HEADER));
        lines.addAll(List.of(rows));
        return LayerList.parse(lines, "t.csv");
    }

    @Test
    void convAndFcLowerToGemms() {
        LayerList list = parse("c1,conv,1,64,56,56,128,3,3,2,1,1,4,8", "f1,fc,197,768,,,2304,,,,,,8,-");
        List<GemmOp> a = list.gemms("a", 2);
        // conv: padded 58x58, 3x3 stride 2 -> (58-3)/2+1 = 28 -> M = 2*28*28 = 1568, K = 3*3*64 = 576, N = 128
        assertEquals(1568, a.get(0).m());
        assertEquals(576, a.get(0).k());
        assertEquals(128, a.get(0).n());
        assertEquals(4, a.get(0).weights().bits());
        // fc: M = 2*197 = 394, K = 768, N = 2304
        assertEquals(394, a.get(1).m());
        assertEquals(768, a.get(1).k());
        assertEquals(2304, a.get(1).n());
        // '-' leaves the layer out of b's list
        assertEquals(1, list.gemms("b", 2).size());
        assertEquals(8, list.gemms("b", 2).get(0).activations().bits());
        // uniformBits: every present layer at one width, absent ones still absent
        List<GemmOp> uniform = list.gemms("b", 2, java.util.OptionalInt.of(16));
        assertEquals(1, uniform.size());
        assertEquals(16, uniform.get(0).weights().bits());
        assertEquals(16, uniform.get(0).activations().bits());
        assertEquals(List.of(16, 16), list.gemms("a", 2, java.util.OptionalInt.of(16)).stream()
                .map(g -> g.weights().bits()).toList());
    }

    @Test
    void activationByWeightCellsGiveEachOperandItsWidth() {
        LayerList list = parse("c1,conv,1,3,32,32,64,3,3,1,1,1,8x2,16", "f1,fc,1,4096,,,1024,,,,,,2x4,16");
        List<GemmOp> a = list.gemms("a", 16);
        assertEquals(8, a.get(0).activations().bits());
        assertEquals(2, a.get(0).weights().bits());
        assertEquals(2, a.get(1).activations().bits());
        assertEquals(4, a.get(1).weights().bits());
        // a plain width still gives both operands one precision
        assertEquals(16, list.gemms("b", 16).get(1).weights().bits());
        // uniformBits overrides both widths
        assertEquals(16, list.gemms("a", 16, java.util.OptionalInt.of(16)).get(0).weights().bits());
    }

    @Test
    void badInputsNameFileLineAndColumn() {
        assertMessage(() -> parse("c1,conv,1,64,56,56,128,3,3,1,1,1,8x,8"), "line 3: bits.a: must be a width, AxW");
        assertMessage(() -> parse("c1,conv,1,64,56,56,128,3,3,1,1,1,8x4x2,8"), "AxW");
        assertMessage(() -> parse("c1,conv,1,64,56,56,128,3,3,1,1,1,8x99,8"), "line 3: bits.a");
        assertMessage(() -> parse("c1,pool,1,64,56,56,128,3,3,1,1,1,4,8"), "t.csv: line 3: kind");
        assertMessage(() -> parse("c1,conv,1,x,56,56,128,3,3,1,1,1,4,8"), "line 3: channels");
        assertMessage(() -> parse("c1,conv,1,64,56,56,128,3,3,0,1,1,4,8"), "line 3: stride");
        assertMessage(() -> parse("c1,conv,1,64,56,56,128,3,3,1,1,1,4"), "expected 14 cells, got 13");
        assertMessage(() -> parse("c1,conv,1,64,56,56,128,3,3,1,1,1,4,99"), "line 3: bits.b");
        assertMessage(() -> parse("c1,conv,1,64,2,2,128,7,7,1,0,0,4,8"), "kernel must fit");
        assertMessage(() -> LayerList.parse(List.of("layer,kind"), "t.csv"), "header must start with");
        assertMessage(() -> LayerList.parse(List.of(HEADER.replace("bits.b", "b")), "t.csv"),
                "must be named bits.<design>");
        assertMessage(() -> LayerList.parse(List.of(HEADER), "t.csv"), "no layers");
        assertMessage(() -> parse("c1,fc,1,64,,,128,,,,,,4,8").gemms("c", 1), "no column bits.c");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String part) {
        BadInputException e = assertThrows(BadInputException.class, action);
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
