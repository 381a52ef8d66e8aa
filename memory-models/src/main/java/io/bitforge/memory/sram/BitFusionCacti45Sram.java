package io.bitforge.memory.sram;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.engine.SramEnergyModel;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.tech.TechNode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SRAM energy as Bit Fusion's own simulator charges it (hsharma35/bitfusion {@code simulator.py}
 * {@code get_energy_cost}, technology 45 nm): the CACTI results for the three bank shapes it queries for its
 * Bit Fusion-Eyeriss configuration ({@code bf_e_conf.ini}: 16 × 32 units, 64 KiB weights, 32 KiB activations,
 * 16 KiB outputs): one weight bank per unit, one activation bank per row, one output bank (read-write port) per
 * column, all with 32-bit words (pmax² / pmin = 8² / 2 bits). The figures are the 0.045 µm rows of
 * hsharma35/bitfusion {@code bitfusion/sram/cacti_sweep.csv}, divided by the word width to give energy per bit.
 * A buffer whose bank and word width are not one of the three is bad input: a lookup of measured points.
 */
public final class BitFusionCacti45Sram implements SramEnergyModel {
    /** cacti_sweep.csv, 45 nm: 128-byte bank, 4-byte block: read 0.000683701 nJ, write 0.000925317 nJ. */
    static final BitFusionCactiSram.Bank WEIGHT_BANK = new BitFusionCactiSram.Bank(128, 32, 0.000683701,
            0.000925317);
    /** cacti_sweep.csv, 45 nm: 2048-byte bank, 4-byte block: read 0.00190318 nJ, write 0.00363853 nJ. */
    static final BitFusionCactiSram.Bank ACTIVATION_BANK = new BitFusionCactiSram.Bank(2048, 32, 0.00190318,
            0.00363853);
    /** cacti_sweep.csv, 45 nm: 512-byte bank, 4-byte block, read-write port: 0.00106097 / 0.00233869 nJ. */
    static final BitFusionCactiSram.Bank OUTPUT_BANK = new BitFusionCactiSram.Bank(512, 32, 0.00106097,
            0.00233869);
    private static final List<BitFusionCactiSram.Bank> BANKS = List.of(WEIGHT_BANK, ACTIVATION_BANK, OUTPUT_BANK);
    private static final CostSource SOURCE = new CostSource("bitfusion-cacti-45nm", "CACTI 45 nm, Bit Fusion's "
            + "three SRAM banks: hsharma35/bitfusion bitfusion/sram/cacti_sweep.csv", "45nm", false);

    @Override
    public double readPicojoulesPerBit(BufferSpec buffer) {
        BitFusionCactiSram.Bank bank = bank(buffer);
        return bank.readNanojoules() * 1000.0 / bank.wordBits();
    }

    @Override
    public double writePicojoulesPerBit(BufferSpec buffer) {
        BitFusionCactiSram.Bank bank = bank(buffer);
        return bank.writeNanojoules() * 1000.0 / bank.wordBits();
    }

    @Override
    public TechNode node() {
        return TechNode.N45;
    }

    @Override
    public CostSource source() {
        return SOURCE;
    }

    private static BitFusionCactiSram.Bank bank(BufferSpec buffer) {
        long bankBytes = buffer.bytes() / buffer.banks();
        for (BitFusionCactiSram.Bank bank : BANKS) {
            if (bank.bankBytes() == bankBytes && bank.wordBits() == buffer.wordBits()) {
                return bank;
            }
        }
        throw new BadInputException("hardware.buffers: the bitfusion-cacti-45nm SRAM energies cover banks of "
                + BANKS.stream().map(b -> b.bankBytes() + " B with " + b.wordBits() + "-bit words")
                .collect(Collectors.joining(", ")) + "; got " + bankBytes + " B banks (" + buffer.kib() + " KiB / "
                + buffer.banks() + " banks) with " + buffer.wordBits() + "-bit words");
    }
}
