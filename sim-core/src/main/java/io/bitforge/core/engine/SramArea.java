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
 * area factor (an estimate). Ports and banks are not charged extra: a 1R+1W or multi-ported macro is larger.
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

    /** Area of one buffer at {@code node}. */
    public static double squareMicrometres(BufferSpec buffer, TechNode node) {
        return buffer.bytes() * 8.0 * squareMicrometresPerBit(node);
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
}
