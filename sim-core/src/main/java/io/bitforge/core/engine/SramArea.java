package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.Provenance;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;

import java.util.List;

/**
 * Area of the on-chip SRAM buffers: bits × a published high-density 6T bitcell × a published array overhead.
 * Bitcells: TSMC 28 nm 0.127 µm² (high-density 6T cell of TSMC's 28 nm HKMG platform); TSMC 7 nm 0.027 µm²
 * (Chang et al., "A 7nm 256Mb SRAM in high-k metal-gate FinFET technology with write-assist circuitry for
 * low-VMIN applications", ISSCC 2017, 12.1). Overhead of sense amplifiers, decoders, write assist and I/O: 1.43×
 * the bitcell, from TSMC's N3E macro density of 31.8 Mib/mm² with its 0.021 µm² cell (IEDM 2022, as reported by
 * WikiChip: 1 / 31.8 Mib per mm² = 0.0300 µm² per bit). Other nodes scale the 28 nm figure by Stillmaker & Baas's
 * area factor (an estimate).
 *
 * <p>Ports and banks. Every port beyond the first widens and heightens the cell by two local-wire pitches (2.5 F
 * each), CACTI's multi-port cell rule (HP Labs CACTI 7, {@code parameter.cc}, on its 146 F² cell of aspect 1.46,
 * {@code tech_params}): a cell of p ports is (10 + 5(p−1)) F × (14.6 + 5(p−1)) F, so 2 ports cost 2.01×, 3 ports
 * 3.37×, 4 ports 5.07× a single-port cell; whole-macro CACTI 7 runs (32 nm, 32 KiB, 128-bit words) give 2.05×,
 * 3.44× and 5.22×. Every bank beyond the first brings its own decoders, sense amplifiers, write drivers and I/O:
 * {@value #BANK_PERIPHERY_PER_WORD_BIT_32NM} µm² per bit of its word per port at 32 nm, scaled to the node, an
 * estimate fitted to CACTI 7 runs (32 nm, area-optimised: 8, 32 and 128 KiB at 128-bit words and 32 KiB at 64-bit
 * words split into 8 banks add 44-68 µm² per word bit per extra bank; 32 KiB at 128 bits is 0.0555 mm² in one
 * bank, 0.0724 in 2, 0.1047 in 8).
 *
 * <p>Why not the CACTI pool ({@code memory-models} CactiSramTable, about 6.8 µm² per bit for 32 KiB at 128 bits):
 * the ZigZag wrapper that produced it ran CACTI at its default 90 nm ({@code technology = 0.090} in
 * {@code cacti_top.py}) and recorded twice CACTI's area ({@code 'area': area*2}); halved and scaled from 90 to
 * 28 nm it is about 0.33 µm² per bit, 1.8× this model, the rest being its 1R+1W ports, ECC bits and a
 * cycle-time-optimised organisation.
 */
public final class SramArea {
    /** TSMC 28 nm high-density 6T SRAM bitcell, µm². */
    static final double BITCELL_28NM = 0.127;
    /** TSMC 7 nm high-density 6T SRAM bitcell, µm² (Chang et al., ISSCC 2017). */
    static final double BITCELL_7NM = 0.027;
    /** Macro area per bit over the bitcell: (1 / 31.8 Mib/mm²) / 0.021 µm² (TSMC N3E, IEDM 2022). */
    static final double ARRAY_OVERHEAD = 1e6 / (31.8 * 1024 * 1024) / 0.021;
    /** Periphery of each bank beyond the first, µm² per bit of its word per port at 32 nm (fit to CACTI 7, an estimate). */
    static final double BANK_PERIPHERY_PER_WORD_BIT_32NM = 57;
    /** CACTI's SRAM cell: 146 F² at an aspect ratio (height / width) of 1.46, so 10 F wide and 14.6 F high. */
    private static final double CELL_WIDTH_F = 10;
    private static final double CELL_HEIGHT_F = 14.6;
    /** Width and height added per port beyond the first: two local-wire pitches of 2.5 F (CACTI 7). */
    private static final double PORT_GROWTH_F = 2 * 2.5;
    static final CostSource PORTS_BANKS_SOURCE = CostSource.of("sram-area-ports-banks", "estimate: extra ports grow "
            + "the cell by 2 local-wire pitches each way (CACTI 7 multi-port cell rule); each extra bank adds 57 um2 "
            + "per word bit per port at 32nm (fit to CACTI 7 runs)", "32nm", Provenance.ESTIMATE);
    static final CostSource SOURCE = CostSource.of("sram-area-bitcell-x-overhead", "derived: TSMC 28nm HD 6T bitcell "
            + "0.127 um2 and 7nm 0.027 um2 (Chang et al., ISSCC 2017) x 1.43 array overhead (TSMC N3E 31.8 Mib/mm2 "
            + "with a 0.021 um2 cell, IEDM 2022); other nodes scaled from 28nm (Stillmaker & Baas)", "28nm",
            Provenance.DERIVED);

    private SramArea() {
    }

    /** Square micrometres per bit of SRAM at {@code node}. */
    public static double squareMicrometresPerBit(TechNode node) {
        if (node == TechNode.N7) {
            return BITCELL_7NM * ARRAY_OVERHEAD;
        }
        return BITCELL_28NM * ARRAY_OVERHEAD * TechScaling.areaFactor(TechNode.N28, node);
    }

    /** Area of one buffer at {@code node}: its bits in cells of its ports, plus the periphery of its extra banks. */
    public static double squareMicrometres(BufferSpec buffer, TechNode node) {
        double ports = portFactor(buffer.portsPerBank());
        double cells = buffer.bytes() * 8.0 * squareMicrometresPerBit(node) * ports;
        double banks = (buffer.banks() - 1.0) * buffer.wordBits() * BANK_PERIPHERY_PER_WORD_BIT_32NM * ports
                * TechScaling.areaFactor(TechNode.N32, node);
        return cells + banks;
    }

    /** Area of a cell with {@code ports} ports over a single-port cell (CACTI 7's multi-port cell rule). */
    static double portFactor(int ports) {
        double growth = PORT_GROWTH_F * (ports - 1);
        return (CELL_WIDTH_F + growth) * (CELL_HEIGHT_F + growth) / (CELL_WIDTH_F * CELL_HEIGHT_F);
    }

    /** True when a buffer's area includes the ports-and-banks estimate. */
    static boolean multiPortedOrBanked(BufferSpecs buffers) {
        for (BufferSpec b : List.of(buffers.activations(), buffers.weights(), buffers.outputs())) {
            if (b.banks() > 1 || b.portsPerBank() > 1) {
                return true;
            }
        }
        return false;
    }

    /** Area of the three operand buffers at {@code node}. */
    public static double squareMicrometres(BufferSpecs buffers, TechNode node) {
        return squareMicrometres(buffers.activations(), node) + squareMicrometres(buffers.weights(), node)
                + squareMicrometres(buffers.outputs(), node);
    }

    /** The source, plus the node-scaling source when {@code node} is neither anchor. */
    static List<CostSource> sources(TechNode node) {
        if (node == TechNode.N7 || node == TechNode.N28) {
            return List.of(SOURCE);
        }
        return TechScaling.sourceFor(TechNode.N28, node).map(s -> List.of(SOURCE, s)).orElse(List.of(SOURCE));
    }

    /** The sources of {@code buffers}' area at {@code node}: the ports-and-banks estimate when any buffer has them. */
    static List<CostSource> sources(BufferSpecs buffers, TechNode node) {
        if (!multiPortedOrBanked(buffers)) {
            return sources(node);
        }
        List<CostSource> all = new java.util.ArrayList<>(sources(node));
        all.add(PORTS_BANKS_SOURCE);
        return List.copyOf(all);
    }
}
