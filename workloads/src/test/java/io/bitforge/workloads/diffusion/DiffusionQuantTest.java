package io.bitforge.workloads.diffusion;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffusionQuantTest {
    private static final Precision INT4 = new Precision("int4", 4);

    @Test
    void llmDefaultIsAllSixteenBit() {
        DiffusionQuant quant = DiffusionQuant.parse("W16A16KV16", Map.of());
        for (LayerKind kind : LayerKind.values()) {
            assertEquals(LayerPrecision.W16A16, quant.of(kind), kind.word());
        }
        assertEquals(0, quant.svdquantRank());
    }

    @Test
    void bareConfigQuantisesTheBodyAndKeepsEdgesAndMatmulsAt16() {
        DiffusionQuant quant = DiffusionQuant.parse("W4A8", Map.of());
        for (LayerKind kind : List.of(LayerKind.CONV, LayerKind.ATTENTION, LayerKind.FFN, LayerKind.ADALN)) {
            assertEquals(INT4, quant.of(kind).weights(), kind.word());
            assertEquals(Precision.INT8, quant.of(kind).activations(), kind.word());
        }
        assertEquals(LayerPrecision.W16A16, quant.of(LayerKind.EMBED));
        assertEquals(LayerPrecision.W16A16, quant.of(LayerKind.MATMUL));
    }

    @Test
    void perKindOverridesAndGroups() {
        DiffusionQuant quant = DiffusionQuant.parse("W4A8g64, conv:W8A8, embed:W8A16, matmul:A8", Map.of());
        assertEquals(new LayerPrecision(INT4, Precision.INT8, 64), quant.of(LayerKind.FFN));
        assertEquals(new LayerPrecision(Precision.INT8, Precision.INT8, 0), quant.of(LayerKind.CONV));
        assertEquals(new LayerPrecision(Precision.INT8, Precision.FP16, 0), quant.of(LayerKind.EMBED));
        assertEquals(new LayerPrecision(Precision.INT8, Precision.INT8, 0), quant.of(LayerKind.MATMUL));
    }

    @Test
    void allSetsEveryKindAndLaterPartsOverride() {
        DiffusionQuant quant = DiffusionQuant.parse("all:W8A8,ffn:W4A8", Map.of());
        LayerPrecision w8a8 = new LayerPrecision(Precision.INT8, Precision.INT8, 0);
        for (LayerKind kind : List.of(LayerKind.CONV, LayerKind.ATTENTION, LayerKind.ADALN, LayerKind.EMBED,
                LayerKind.MATMUL)) {
            assertEquals(w8a8, quant.of(kind), kind.word());
        }
        assertEquals(new LayerPrecision(INT4, Precision.INT8, 0), quant.of(LayerKind.FFN));
    }

    @Test
    void formatIdsOfTheSharedGrammarReachTheBody() {
        DiffusionQuant quant = DiffusionQuant.parse("W4:bitmod-fp4,A8:int8,g128,attention:W8A8", Map.of());
        assertEquals(new LayerPrecision(new Precision("bitmod-mix4", 4), Precision.INT8, 128),
                quant.of(LayerKind.CONV));
        assertEquals(new LayerPrecision(Precision.INT8, Precision.INT8, 0), quant.of(LayerKind.ATTENTION));
        // Per-kind parts apply after the general ones wherever they are written.
        assertEquals(quant, DiffusionQuant.parse("attention:W8A8,W4:bitmod-fp4,A8:int8,g128", Map.of()));
    }

    @Test
    void kindsTakeFormatIdsToo() {
        DiffusionQuant quant = DiffusionQuant.parse(DiffusionQuant.uniformText(new Precision("bitmod-mix4", 4),
                Precision.INT8) + ",matmul:fp8-e4m3", Map.of());
        assertEquals(new LayerPrecision(new Precision("bitmod-mix4", 4), Precision.INT8, 0), quant.of(LayerKind.EMBED));
        Precision e4m3 = new Precision("fp8-e4m3", 8);
        assertEquals(new LayerPrecision(e4m3, e4m3, 0), quant.of(LayerKind.MATMUL));
        assertBad(() -> DiffusionQuant.parse("conv:nope/int8", Map.of()), "quant: ", "unknown format 'nope'");
        assertBad(() -> DiffusionQuant.parse("matmul:nope", Map.of()), "quant: ", "matmul:A8");
    }

    @Test
    void badConfigsNameTheFieldAndValue() {
        assertBad(() -> DiffusionQuant.parse("W9A8", Map.of()), "quant: ", "W9A8", "2..8 or 16");
        assertBad(() -> DiffusionQuant.parse("W8A32", Map.of()), "quant: ", "W8A32", "2..8 or 16");
        assertBad(() -> DiffusionQuant.parse("int8", Map.of()), "quant: ", "int8", "cannot read item");
        assertBad(() -> DiffusionQuant.parse("W8A8,vae:W8A8", Map.of()), "quant: ", "vae", "conv, attention");
        assertBad(() -> DiffusionQuant.parse("matmul:W8A8", Map.of()), "quant: ", "matmul:W8A8", "matmul:A8");
        assertBad(() -> DiffusionQuant.parse("conv:W4:int4", Map.of()), "quant: ", "W4:int4", "WEIGHTFORMAT/ACTIVATIONFORMAT");
        assertBad(() -> DiffusionQuant.parse("W16A16g128", Map.of()), "quant: ", "g128", "group");
        assertBad(() -> DiffusionQuant.parse("W8A8,outliers:0.01", Map.of()), "quant: ", "outliers", "LLM");
        assertBad(() -> DiffusionQuant.parse("", Map.of()), "quant: ", "''", "is empty");
    }

    @Test
    void badSvdquantOptionsNameTheOption() {
        assertBad(() -> DiffusionQuant.parse("W4A8", Map.of("svdquant", "yes")), "option svdquant", "yes",
                "true or false");
        assertBad(() -> DiffusionQuant.parse("W4A8", Map.of("svdquant", "true", "svdquantRank", "0")),
                "option svdquantRank", "0", ">= 1");
        assertBad(() -> DiffusionQuant.parse("W4A8", Map.of("svdquant", "true", "svdquantRank", "x")),
                "option svdquantRank", "x", ">= 1");
        assertBad(() -> DiffusionQuant.parse("W8A8", Map.of("svdquant", "true")), "option svdquant", "true",
                "4-bit");
        assertBad(() -> DiffusionQuant.parse("W4A8", Map.of("svdquantRank", "16")), "option svdquantRank", "16",
                "svdquant=true");
    }

    @Test
    void layerPrecisionsReachTheGemms() {
        OpGraph graph = ditStep("W4A8,matmul:A8", Map.of());
        GemmOp qkv = gemm(graph, "blocks.0.attn.qkv");
        assertEquals(INT4, qkv.weights());
        assertEquals(Precision.INT8, qkv.activations());
        assertEquals(Precision.FP16, qkv.outputs());
        assertEquals(Precision.FP16, gemm(graph, "x_embedder.proj").weights());
        assertEquals(Precision.INT8, gemm(graph, "blocks.0.attn.scores").weights());
        assertEquals(INT4, gemm(graph, "blocks.0.adaLN_modulation.linear").weights());
    }

    @Test
    void svdquantAddsARankRBranchBesideEveryFourBitGemm() {
        OpGraph plain = ditStep("W4A8", Map.of());
        OpGraph svd = ditStep("W4A8", Map.of("svdquant", "true"));
        // qkv at 256 px, batch 1: M = 256 tokens, K = 1152, N = 3456; branch M×K×32 then M×32×N at fp16.
        GemmOp down = gemm(svd, "blocks.0.attn.qkv.lowrank_down");
        GemmOp up = gemm(svd, "blocks.0.attn.qkv.lowrank_up");
        assertEquals(List.of(256L, 1152L, 32L), List.of(down.m(), down.k(), down.n()));
        assertEquals(List.of(256L, 32L, 3456L), List.of(up.m(), up.k(), up.n()));
        assertEquals(OpKind.LOW_RANK, down.kind());
        assertEquals(Precision.FP16, down.weights());
        // Independently: the extra MACs are r · M · (K + N) summed over the 4-bit weight GEMMs of the plain graph.
        long expected = plain.gemms().stream().filter(g -> g.weights().bits() <= 4)
                .mapToLong(g -> 32L * g.m() * (g.k() + g.n())).sum();
        assertEquals(expected, svd.totalMacs() - plain.totalMacs());
        assertTrue(svd.gemms().stream().noneMatch(g -> g.name().startsWith("x_embedder.proj.lowrank")));
        OpGraph rank16 = ditStep("W4A8", Map.of("svdquant", "true", "svdquantRank", "16"));
        assertEquals(expected / 2, rank16.totalMacs() - plain.totalMacs());
    }

    private static OpGraph ditStep(String quant, Map<String, String> options) {
        WorkloadSettings settings = new WorkloadSettings("both", 1, 0, 0, 0, quant, 1, 256, false, options);
        return DiffusionZoo.load("dit-xl-2").build(settings).get(0).graph();
    }

    static GemmOp gemm(OpGraph graph, String name) {
        return graph.gemms().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no GEMM " + name));
    }

    static void assertBad(Runnable action, String... mentioned) {
        BadInputException e = assertThrows(BadInputException.class, action::run);
        for (String part : mentioned) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
