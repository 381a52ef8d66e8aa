package io.bitforge.pe.mac;

import io.bitforge.core.format.NumberFormats;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mac-fp functional model against Java float arithmetic ({@code acc += a * b}, IEEE binary32, JLS §15.4). */
class MacFpTileTest {
    @Test
    void fp16DotProductsEqualJavaFloatAccumulation() {
        MacFpTile tile = new MacFpTile(new MacFpParams("fp16"));
        Random random = new Random(26);
        int m = 5;
        int k = 37;
        int n = 4;
        long[] a = new long[m * k];
        long[] b = new long[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = NumberFormats.FP16.encode(random.nextGaussian() * Math.scalb(1.0, random.nextInt(20) - 10));
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = NumberFormats.FP16.encode(random.nextGaussian());
        }
        long[] c = tile.gemm(a, b, m, k, n);
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                float acc = 0f;
                for (int i = 0; i < k; i++) {
                    acc += (float) NumberFormats.FP16.decode((int) a[row * k + i])
                            * (float) NumberFormats.FP16.decode((int) b[i * n + col]);
                }
                assertEquals(Float.floatToIntBits(acc) & 0xFFFF_FFFFL, c[row * n + col]);
            }
        }
    }

    @Test
    void byHand() {
        MacFpTile tile = new MacFpTile(new MacFpParams("fp16"));
        // 1.5 × 2 + (−0.5) × 3 = 1.5: FP16 1.5 = 0x3E00, 2 = 0x4000, −0.5 = 0xB800, 3 = 0x4200; FP32 1.5 = 0x3FC00000
        assertEquals(0x3FC00000L, tile.gemm(new long[] {0x3E00, 0xB800}, new long[] {0x4000, 0x4200}, 1, 2, 1)[0]);
        // BF16 1.0 = 0x3F80; 1.0 × 1.0 = FP32 1.0
        assertEquals(0x3F800000L, new MacFpTile(new MacFpParams("bf16")).gemm(new long[] {0x3F80},
                new long[] {0x3F80}, 1, 1, 1)[0]);
    }
}
