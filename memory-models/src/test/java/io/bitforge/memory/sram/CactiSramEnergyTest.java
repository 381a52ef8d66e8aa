package io.bitforge.memory.sram;

import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CactiSramEnergyTest {
    @Test
    void perBitEnergyIsTheFittedAccessEnergyOverTheWordWidth() {
        CactiSramEnergy energy = new CactiSramEnergy();
        SramCostModel model = SramCostModel.cacti28nm();
        // 256 KiB in 1 bank of 256-bit words: CACTI gives 0.413334 nJ per read (ZigZag pool), the fit within 20 %
        BufferSpec buffer = new BufferSpec(256, 1, 1, 256);
        assertEquals(model.readPicojoules(262144, 256) / 256, energy.readPicojoulesPerBit(buffer), 1e-12);
        assertEquals(413.334 / 256, energy.readPicojoulesPerBit(buffer), 0.2 * 413.334 / 256);
        // four banks: each access sees a 64 KiB bank
        BufferSpec banked = new BufferSpec(256, 4, 1, 256);
        assertEquals(model.writePicojoules(65536, 256) / 256, energy.writePicojoulesPerBit(banked), 1e-12);
        assertTrue(energy.readPicojoulesPerBit(banked) < energy.readPicojoulesPerBit(buffer));
        assertEquals(TechNode.N28, energy.node());
        assertTrue(energy.source().estimate());
    }
}
