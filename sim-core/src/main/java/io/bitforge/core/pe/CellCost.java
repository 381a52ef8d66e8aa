package io.bitforge.core.pe;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.tech.TechNode;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cost of one array cell at the node its figures were published at: energy per MAC split by category
 * (a plain MAC books everything under {@link EnergyCategory#MAC}; a decoder-fronted PE adds
 * {@link EnergyCategory#DECODE} per MAC, a dequantising PE {@link EnergyCategory#DEQUANT} ...), the area of one
 * cell, and the sources of those figures. The engine scales both to the spec's node with
 * {@link io.bitforge.core.tech.TechScaling}; SRAM, DRAM and vector-unit energy are the engine's, not the cell's.
 */
public record CellCost(TechNode node, Map<EnergyCategory, Double> picojoulesPerMac, double cellSquareMicrometres,
                       List<CostSource> sources) {
    public CellCost {
        Objects.requireNonNull(node, "node");
        picojoulesPerMac = Map.copyOf(new EnumMap<>(picojoulesPerMac));
        sources = List.copyOf(sources);
        if (!(cellSquareMicrometres >= 0)) {
            throw new IllegalArgumentException("cell area must be >= 0, got " + cellSquareMicrometres);
        }
        picojoulesPerMac.forEach((category, value) -> {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(category + " energy per MAC must be finite and >= 0");
            }
        });
    }
}
