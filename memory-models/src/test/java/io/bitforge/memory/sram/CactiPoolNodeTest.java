package io.bitforge.memory.sram;

import io.bitforge.core.engine.SramArea;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why the cached CACTI pool gives ~30x the area per bit of a 28 nm SRAM: ZigZag's wrapper ran CACTI at 90 nm
 * ({@code technology = 0.090} in {@code cacti_top.py}) and stored twice CACTI's area ({@code 'area': area*2});
 * its own {@code self_gen/cache.cfg.out} row for 100,000,011 B reads "90" nm and 4114.65 mm², the pool 8229.3.
 */
class CactiPoolNodeTest {
    @Test
    void poolAreaHalvedAndScaledFrom90nmMeetsThePublishedBitcellModel() {
        CactiSramPoint point = CactiSramTable.POINTS.stream().filter(p -> p.capacityBytes() == 32768).findFirst()
                .orElseThrow();
        double bits = 32768 * 8.0;
        double asStored = point.areaSquareMillimetres() * 1e6 / bits;
        assertEquals(6.82, asStored, 0.01, "µm² per bit as the pool stores it");
        double corrected = asStored / 2 * TechScaling.areaFactor(TechNode.N90, TechNode.N28);
        double model = SramArea.squareMicrometresPerBit(TechNode.N28);
        // what is left (1R+1W ports, ECC, CACTI's cycle-time-optimised organisation) is under 2.5x, not 30x
        double ratio = corrected / model;
        assertTrue(ratio > 1.0 && ratio < 2.5, "corrected CACTI / bitcell model = " + ratio);
        assertTrue(asStored / model > 30, "as stored: " + asStored / model);
    }
}
