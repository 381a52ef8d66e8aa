package io.bitforge.workloads.diffusion;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiffusionGraphProperties {
    private static final DenoiserSpec SD15 = DiffusionZoo.load("sd-1.5").denoiser();
    private static final DenoiserSpec PIXART = DiffusionZoo.load("pixart-alpha").denoiser();

    @Property(tries = 30)
    void unetWorkScalesLinearlyWithBatchAndKeepsItsParameters(@ForAll @IntRange(min = 1, max = 12) int eighths,
                                                              @ForAll @IntRange(min = 1, max = 4) int batch) {
        long side = 8L * eighths;
        NetworkGraph one = SD15.build(1, side, DiffusionQuant.fp16());
        NetworkGraph many = SD15.build(batch, side, DiffusionQuant.fp16());
        assertEquals(batch * one.graph().totalMacs(), many.graph().totalMacs());
        assertEquals(one.parameters(), many.parameters());
    }

    @Property(tries = 20)
    void doublingTheSideScalesEachPixartPartAsItsShapeSays(@ForAll @IntRange(min = 1, max = 32) int halfSide) {
        // Doubling the latent side quadruples the image tokens: image-token linears ×4, self-attention ×16,
        // cross-attention scores ×4, the caption's K/V projections and the caption projection unchanged.
        long side = 2L * halfSide;
        var small = PIXART.build(1, side, DiffusionQuant.fp16()).graph();
        var large = PIXART.build(1, 2 * side, DiffusionQuant.fp16()).graph();
        assertEquals(4 * macs(small, "transformer_blocks.5.attn1.to_q"), macs(large, "transformer_blocks.5.attn1.to_q"));
        assertEquals(16 * macs(small, "transformer_blocks.5.attn1.scores"),
                macs(large, "transformer_blocks.5.attn1.scores"));
        assertEquals(4 * macs(small, "transformer_blocks.5.attn2.scores"),
                macs(large, "transformer_blocks.5.attn2.scores"));
        assertEquals(macs(small, "transformer_blocks.5.attn2.to_k"), macs(large, "transformer_blocks.5.attn2.to_k"));
        assertEquals(macs(small, "caption_projection.linear_1"), macs(large, "caption_projection.linear_1"));
    }

    private static long macs(io.bitforge.core.op.OpGraph graph, String name) {
        return DiffusionQuantTest.gemm(graph, name).totalMacs();
    }
}
