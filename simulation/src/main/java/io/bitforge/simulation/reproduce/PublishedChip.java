package io.bitforge.simulation.reproduce;

import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;

import java.util.OptionalDouble;

/**
 * A design's published chip figures, as a paper without a public simulator accounts for its designs (ISAAC's
 * Table II, DaDianNao's node figures): the area of one chip and its power at full activity, at the node they were
 * published for, times the number of chips the design has. When a reproduction's design gives them, its area is
 * the chips' area and its energy is their power over the run's time, both scaled to the design's node with the
 * Stillmaker &amp; Baas 2017 factors ({@link TechScaling}); without them (either may be left out) the engine's area
 * and energy stand.
 *
 * @param node                  node the figures were published for
 * @param areaSquareMillimetres one chip's area
 * @param watts                 one chip's power at full activity
 * @param chips                 chips in the design
 * @param source                where the figures are published
 */
public record PublishedChip(TechNode node, OptionalDouble areaSquareMillimetres, OptionalDouble watts, int chips,
                            String source) {

    static PublishedChip read(SpecNode node) {
        node.requireObject().allowOnly("node", "areaSquareMillimetres", "watts", "chips", "source");
        SpecNode nodeField = node.field("node");
        return new PublishedChip(TechNode.parse(nodeField.text(), nodeField.file(), nodeField.path()),
                optional(node, "areaSquareMillimetres"), optional(node, "watts"),
                node.field("chips").intIn(1, 1 << 20), node.field("source").text());
    }

    private static OptionalDouble optional(SpecNode node, String field) {
        return node.optionalField(field).filter(n -> !n.json().isNull()).map(n -> OptionalDouble.of(n.positive()))
                .orElse(OptionalDouble.empty());
    }

    /** The chips' area at {@code to}, mm², when published. */
    public OptionalDouble areaAt(TechNode to) {
        return areaSquareMillimetres.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(chips * areaSquareMillimetres.getAsDouble() * TechScaling.areaFactor(node, to));
    }

    /**
     * The chips' energy over {@code seconds} at {@code to} (same clock: power scales as energy per cycle), pJ, when
     * their power is published.
     */
    public OptionalDouble picojoulesAt(TechNode to, double seconds) {
        return watts.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(chips * watts.getAsDouble()
                * TechScaling.energyFactor(node, to) * seconds * 1e12);
    }
}
