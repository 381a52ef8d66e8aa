package io.bitforge.pe.ovp;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.tech.TechNode;

/**
 * Area of one OVP pair decoder (one b-bit pair code in, two registered exponent–integer operands out), derived
 * because no published figure was found (OliVe, Guo et al., ISCA 2023, reports only that the decoder is small; its
 * table is not in BitForge's sources). Derivation, an estimate:
 * <ol>
 *   <li>gate count: the decoder's function exactly as {@link OvpDecoder} defines it (marker detection on both
 *       slots, the victim zeroed, the outlier's abfloat code turned into integer {@code 1j} and shift, the normal
 *       code passed through — flint4 through ANT's leading-ones table) written as combinational logic and mapped
 *       to two-input NAND gates and inverters by logic synthesis (Yosys 0.23, {@code synth; abc -g NAND}):
 *       ovp-int4 20 NAND2 + 24 INV, ovp-flint4 40 NAND2 + 21 INV, ovp-int8 28 NAND2 + 38 INV;</li>
 *   <li>the decoder is one pipeline stage ({@link OvpFamily#DECODER_STAGES}), so its outputs are registered:
 *       two operands of sign + (b−1)-bit integer + 3-bit shift, 2·(b + 3) flip-flops (14 at 4 bits, 22 at 8);</li>
 *   <li>cell areas of the Nangate 45 nm Open Cell Library (NangateOpenCellLibrary_typical.lib): NAND2_X1
 *       0.798 µm², INV_X1 0.532 µm², DFF_X1 4.522 µm².</li>
 * </ol>
 * So ovp-int4 20·0.798 + 24·0.532 + 14·4.522 = 92.036 µm², ovp-flint4 106.4 µm², ovp-int8 142.044 µm², at 45 nm,
 * before placement and routing.
 */
final class OvpDecoderArea {
    static final double NAND2_SQUARE_MICROMETRES = 0.798;
    static final double INV_SQUARE_MICROMETRES = 0.532;
    static final double DFF_SQUARE_MICROMETRES = 4.522;
    static final CostSource SOURCE = new CostSource("ovp-decoder-gate-count", "OVP pair decoder, derived: "
            + "logic synthesis (Yosys, abc -g NAND) of the decoder function to NAND2/INV gates plus 2(b+3) output "
            + "flip-flops, at the Nangate 45nm Open Cell Library's NAND2_X1 0.798, INV_X1 0.532, DFF_X1 4.522 um2; "
            + "one decoder per lane of each array edge that feeds OVP codes", "45nm", true);

    private OvpDecoderArea() {
    }

    /** Two-input NANDs, inverters and flip-flops of one pair decoder of {@code normal}'s codes. */
    record Gates(int nand2, int inverters, int flipFlops) {
        double squareMicrometres() {
            return nand2 * NAND2_SQUARE_MICROMETRES + inverters * INV_SQUARE_MICROMETRES
                    + flipFlops * DFF_SQUARE_MICROMETRES;
        }
    }

    static Gates gates(OvpFormat.Normal normal) {
        int flipFlops = 2 * (normal.bits() + 3);
        return switch (normal) {
            case INT4 -> new Gates(20, 24, flipFlops);
            case FLINT4 -> new Gates(40, 21, flipFlops);
            case INT8 -> new Gates(28, 38, flipFlops);
        };
    }

    /** The area of one pair decoder at {@link #node()}. */
    static double squareMicrometres(OvpFormat.Normal normal) {
        return gates(normal).squareMicrometres();
    }

    static TechNode node() {
        return TechNode.N45;
    }
}
