package io.bitforge.memory.sram;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bit Fusion simulators' CACTI banks (clevercool/ANT-Quantization ant_simulator/bitfusion/sram/cacti_sweep.csv,
 * read_energy_nJ and write_energy_nJ columns), per bit of the bank's word.
 */
class BitFusionCactiSramTest {
    private static final double EPS = 1e-12;
    private final BitFusionCactiSram sram = new BitFusionCactiSram();

    @Test
    void theThreeBanksPerBit() {
        // weights: 128 KiB in 32 banks = 4096-byte banks, 512-bit words: 0.0168924 nJ / 512 bits
        BufferSpec weights = new BufferSpec(128, 32, 1, 512);
        assertEquals(16.8924 / 512, sram.readPicojoulesPerBit(weights), EPS);
        assertEquals(20.3422 / 512, sram.writePicojoulesPerBit(weights), EPS);
        // activations: 256 KiB in 32 banks = 8192-byte banks
        BufferSpec activations = new BufferSpec(256, 32, 1, 512);
        assertEquals(17.7688 / 512, sram.readPicojoulesPerBit(activations), EPS);
        assertEquals(24.8866 / 512, sram.writePicojoulesPerBit(activations), EPS);
        // outputs: 128 KiB in 1024 banks = 128-byte banks, 32-bit words
        BufferSpec outputs = new BufferSpec(128, 1024, 1, 32);
        assertEquals(0.294945 / 32, sram.readPicojoulesPerBit(outputs), EPS);
        assertEquals(0.415925 / 32, sram.writePicojoulesPerBit(outputs), EPS);
        assertEquals(TechNode.N28, sram.node());
    }

    @Test
    void otherBanksAreBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> sram.readPicojoulesPerBit(new BufferSpec(64, 1, 1, 8)));
        assertTrue(e.getMessage().startsWith("hardware.buffers: the bitfusion-cacti SRAM energies cover banks of "
                + "4096 B with 512-bit words"), e.getMessage());
        assertTrue(e.getMessage().contains("got 65536 B banks (64.0 KiB / 1 banks) with 8-bit words"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
