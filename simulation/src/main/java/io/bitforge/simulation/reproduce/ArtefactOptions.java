package io.bitforge.simulation.reproduce;

import io.bitforge.core.engine.EnergyConvention;
import io.bitforge.core.spec.SpecNode;

/**
 * Reads the reproduction options that stand for an artefact's accounting choices: the engine's energy convention
 * ({@code engine.peEnergy}, {@code sramAccesses}, {@code energyScaling}, {@code staticMilliwatts}, {@code dequant}:
 * {@code family}, the default, charges only the dequantisation a family's own cost books, as the artefacts do;
 * {@code uniform} adds BitForge's uniform charges) and a design's
 * companion GEMM ({@code designs[i].companionGemm}).
 */
final class ArtefactOptions {
    /** The default of reproductions: BitForge's accounting without the uniform dequantisation charges. */
    static final EnergyConvention ARTEFACT = EnergyConvention.DEFAULT.withUniformDequant(false);

    private ArtefactOptions() {
    }

    /** The energy convention of an {@code engine} block; absent fields keep {@link #ARTEFACT}'s. */
    static EnergyConvention energy(SpecNode engine) {
        EnergyConvention d = ARTEFACT;
        EnergyConvention.PeEnergy pe = engine.optionalField("peEnergy").map(n -> switch (n.text()) {
            case "per-mac" -> EnergyConvention.PeEnergy.PER_MAC;
            case "per-cell-cycle" -> EnergyConvention.PeEnergy.PER_CELL_CYCLE;
            default -> throw n.error("must be per-mac or per-cell-cycle", n.shown());
        }).orElse(d.peEnergy());
        EnergyConvention.SramAccesses sram = engine.optionalField("sramAccesses").map(n -> switch (n.text()) {
            case "folds" -> EnergyConvention.SramAccesses.FOLDS;
            case "per-mac" -> EnergyConvention.SramAccesses.PER_MAC;
            default -> throw n.error("must be folds or per-mac", n.shown());
        }).orElse(d.sramAccesses());
        boolean scale = engine.optionalField("energyScaling").map(n -> switch (n.text()) {
            case "node" -> true;
            case "none" -> false;
            default -> throw n.error("must be node or none", n.shown());
        }).orElse(d.scaleToNode());
        double staticMilliwatts = engine.optionalField("staticMilliwatts").map(SpecNode::nonNegative)
                .orElse(d.staticMilliwatts());
        // the artefacts charge only the dequantisation their own PE models do, unless the file asks for BitForge's
        boolean uniformDequant = engine.optionalField("dequant").map(n -> switch (n.text()) {
            case "uniform" -> true;
            case "family" -> false;
            default -> throw n.error("must be uniform or family", n.shown());
        }).orElse(false);
        return new EnergyConvention(pe, sram, scale, staticMilliwatts, uniformDequant);
    }

    /** {@code {position: before|after, inputDivisor, outputDivisor, bits}}. */
    static CompanionGemm companion(SpecNode node) {
        node.requireObject().allowOnly("position", "inputDivisor", "outputDivisor", "bits");
        SpecNode position = node.field("position");
        CompanionGemm.Position where = switch (position.text()) {
            case "before" -> CompanionGemm.Position.BEFORE;
            case "after" -> CompanionGemm.Position.AFTER;
            default -> throw position.error("must be before or after", position.shown());
        };
        return new CompanionGemm(where, node.field("inputDivisor").longIn(1, 1 << 20),
                node.field("outputDivisor").longIn(1, 1 << 20), node.field("bits").intIn(1, 64));
    }
}
