package io.bitforge.memory.sram;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.engine.SramEnergyModel;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.tech.TechNode;

/**
 * The engine's SRAM energy per bit from {@link SramCostModel}'s CACTI 28 nm fit: one access reads or writes one
 * word of one bank (capacity / banks), so energy per bit = energy per access / word bits. Flagged as an
 * estimate: it is a fit to CACTI results (within 20 % of them), not a measured figure.
 */
public final class CactiSramEnergy implements SramEnergyModel {
    private static final CostSource SOURCE = new CostSource("cacti-28nm-sram-fit", SramCostModel.cacti28nm().source(),
            "28nm", true);
    private final SramCostModel model = SramCostModel.cacti28nm();

    @Override
    public double readPicojoulesPerBit(BufferSpec buffer) {
        return model.readPicojoules(bankBytes(buffer), buffer.wordBits()) / buffer.wordBits();
    }

    @Override
    public double writePicojoulesPerBit(BufferSpec buffer) {
        return model.writePicojoules(bankBytes(buffer), buffer.wordBits()) / buffer.wordBits();
    }

    @Override
    public TechNode node() {
        return TechNode.N28;
    }

    @Override
    public CostSource source() {
        return SOURCE;
    }

    private static long bankBytes(BufferSpec buffer) {
        return Math.max(1, buffer.bytes() / buffer.banks());
    }
}
