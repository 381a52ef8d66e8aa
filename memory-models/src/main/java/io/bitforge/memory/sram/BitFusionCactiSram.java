package io.bitforge.memory.sram;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.engine.SramEnergyModel;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.tech.TechNode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SRAM energy as the Bit Fusion-derived simulators of ANT and MixPE charge it: the CACTI 28 nm results for the
 * three bank configurations their {@code simulator.py} queries (32 banks of 512-bit words for weights and
 * activations, 1024 banks of 32-bit words with a read-write port for outputs), divided by the word width to give
 * energy per bit. The figures are the rows of clevercool/ANT-Quantization
 * {@code ant_simulator/bitfusion/sram/cacti_sweep.csv} (technology 0.028 µm, "Energy" objective). A buffer
 * whose bank (capacity / banks) and word width are not one of the three is bad input: this is a lookup of
 * measured points, not a model.
 */
public final class BitFusionCactiSram implements SramEnergyModel {
    /** One CACTI row: bank capacity, word width, read and write energy per access. */
    record Bank(long bankBytes, int wordBits, double readNanojoules, double writeNanojoules) {
    }

    /** cacti_sweep.csv: 4096-byte bank, 64-byte block: read 0.0168924 nJ, write 0.0203422 nJ (weights). */
    static final Bank WEIGHT_BANK = new Bank(4096, 512, 0.0168924, 0.0203422);
    /** cacti_sweep.csv: 8192-byte bank, 64-byte block: read 0.0177688 nJ, write 0.0248866 nJ (activations). */
    static final Bank ACTIVATION_BANK = new Bank(8192, 512, 0.0177688, 0.0248866);
    /** cacti_sweep.csv: 128-byte bank, 4-byte block, read-write port: 0.000294945 / 0.000415925 nJ (outputs). */
    static final Bank OUTPUT_BANK = new Bank(128, 32, 0.000294945, 0.000415925);
    private static final List<Bank> BANKS = List.of(WEIGHT_BANK, ACTIVATION_BANK, OUTPUT_BANK);
    private static final CostSource SOURCE = new CostSource("bitfusion-cacti-28nm", "CACTI 28 nm, the Bit Fusion "
            + "simulators' three SRAM banks: clevercool/ANT-Quantization ant_simulator/bitfusion/sram/cacti_sweep.csv",
            "28nm", false);

    @Override
    public double readPicojoulesPerBit(BufferSpec buffer) {
        Bank bank = bank(buffer);
        return bank.readNanojoules() * 1000.0 / bank.wordBits();
    }

    @Override
    public double writePicojoulesPerBit(BufferSpec buffer) {
        Bank bank = bank(buffer);
        return bank.writeNanojoules() * 1000.0 / bank.wordBits();
    }

    @Override
    public TechNode node() {
        return TechNode.N28;
    }

    @Override
    public CostSource source() {
        return SOURCE;
    }

    private static Bank bank(BufferSpec buffer) {
        long bankBytes = buffer.bytes() / buffer.banks();
        for (Bank bank : BANKS) {
            if (bank.bankBytes() == bankBytes && bank.wordBits() == buffer.wordBits()) {
                return bank;
            }
        }
        throw new BadInputException("hardware.buffers: the bitfusion-cacti SRAM energies cover banks of "
                + BANKS.stream().map(b -> b.bankBytes() + " B with " + b.wordBits() + "-bit words")
                .collect(Collectors.joining(", ")) + "; got " + bankBytes + " B banks (" + buffer.kib() + " KiB / "
                + buffer.banks() + " banks) with " + buffer.wordBits() + "-bit words");
    }
}
