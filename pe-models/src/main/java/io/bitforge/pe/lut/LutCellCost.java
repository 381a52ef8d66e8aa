package io.bitforge.pe.lut;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Energy and area of one LUT unit, an estimate built from parts with published figures: the LUT Tensor Core's PPA
 * tables are not available to BitForge (research notes §3.3), so nothing here is the paper's number.
 *
 * <p>Energy, at 45 nm: every cycle each of the tileM·tileN outputs does one table lookup (an entry select and sign
 * flip: ShiftAddLLM's LUT query, 0.37 pJ, GATECH-EIC/ShiftAddLLM {@code energy/hw_utils.py}) and one accumulate
 * (FP16 add 0.4 pJ, or for INT8 tables a 32-bit integer add 0.1 pJ; Horowitz, ISSCC 2014, 45 nm). A lookup covers
 * tileK MACs of one weight plane, so per MAC: passes·(query + add)/tileK, plus the offset-correction lookup once
 * per group ((query + add)/tileK; not for a 3^g table). INT8 tables add per output and scale group of 64
 * activations (T-MAC's default act_group_size) an FP32 multiply and add (3.7 + 0.9 pJ, Horowitz) as
 * {@link EnergyCategory#DEQUANT}. Tables built on the array cost one FP16 add per stored entry, per step
 * ({@link EnergyCategory#TABLE_PRECOMPUTE}).
 *
 * <p>Area: each output position holds an FP16 accumulate datapath and register; BitForge charges BitMoD's FP16
 * MAC PE (1968.7 µm², yc2367/BitMoD-HPCA-25 {@code test_*.py}, 28 nm assumed) per output position, an upper bound
 * since that PE also has a multiplier, scaled to 45 nm with Stillmaker & Baas so the cell has one node. Table
 * registers (tileM·entries·16 bits per unit) are taken to be inside that bound.
 */
final class LutCellCost {
    static final double LUT_QUERY_PICOJOULES = 0.37;
    static final double FP16_ADD_PICOJOULES = 0.4;
    static final double INT32_ADD_PICOJOULES = 0.1;
    static final double FP32_MULT_PICOJOULES = 3.7;
    static final double FP32_ADD_PICOJOULES = 0.9;
    /** T-MAC's default activation group per INT8 table scale (microsoft/T-MAC python/t_mac/ops/qgemm.py). */
    static final int INT8_SCALE_GROUP = 64;
    static final double FP16_PE_SQUARE_MICROMETRES_28NM = 1968.7;

    static final CostSource ENERGY = new CostSource("lut-unit-energy-estimate", "estimate from parts: LUT query 0.37 pJ"
            + " (GATECH-EIC/ShiftAddLLM energy/hw_utils.py), FP16 add 0.4 pJ, INT32 add 0.1 pJ, FP32 mult 3.7 pJ, "
            + "FP32 add 0.9 pJ (Horowitz, ISSCC 2014); LUT Tensor Core PPA not published in available sources",
            "45nm", true);
    static final CostSource AREA = new CostSource("lut-unit-area-estimate", "estimate: BitMoD FP16 MAC PE 1968.7 um2 "
            + "(yc2367/BitMoD-HPCA-25 test_*.py, 28nm assumed) per output position of the tile, an upper bound",
            "28nm", true);

    private LutCellCost() {
    }

    static CellCost of(LutParams p, int passes) {
        double add = p.int8Tables() ? INT32_ADD_PICOJOULES : FP16_ADD_PICOJOULES;
        int lookups = passes + (p.base3Table() ? 0 : 1);
        Map<EnergyCategory, Double> energy = new EnumMap<>(EnergyCategory.class);
        energy.put(EnergyCategory.MAC, lookups * (LUT_QUERY_PICOJOULES + add) / p.tileK());
        if (p.int8Tables()) {
            energy.put(EnergyCategory.DEQUANT, (FP32_MULT_PICOJOULES + FP32_ADD_PICOJOULES) / INT8_SCALE_GROUP);
        }
        if (p.tableOnArray()) {
            energy.put(EnergyCategory.TABLE_PRECOMPUTE, p.tableEntries() * FP16_ADD_PICOJOULES
                    / ((double) p.tileK() * p.tileN()));
        }
        double area = (double) p.tileM() * p.tileN() * FP16_PE_SQUARE_MICROMETRES_28NM
                * TechScaling.areaFactor(TechNode.N28, TechNode.N45);
        return new CellCost(TechNode.N45, energy, area, List.of(ENERGY, AREA));
    }
}
