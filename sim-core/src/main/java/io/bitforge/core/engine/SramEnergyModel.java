package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.tech.TechNode;

/** Energy of SRAM accesses per bit, by buffer, at a declared technology node. */
public interface SramEnergyModel {
    double readPicojoulesPerBit(BufferSpec buffer);

    double writePicojoulesPerBit(BufferSpec buffer);

    /** The node the figures are for (the engine scales them to the spec's node). */
    TechNode node();

    CostSource source();
}
