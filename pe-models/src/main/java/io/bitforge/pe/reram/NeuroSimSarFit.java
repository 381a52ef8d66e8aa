package io.bitforge.pe.reram;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;

/**
 * NeuroSim's fitted SAR-ADC energy per conversion (neurosim/DNN_NeuroSim_V1.4,
 * {@code Inference_pytorch/NeuroSIM/SarADC.cpp}, {@code GetColumnPower}, low-power device roadmap, 300 K):
 * {@code P = (a·log2 L + b) µW + c·exp(−k·log10 R_eff)} W with {@code R_eff = R_col·0.5/V_read}, and
 * {@code E = P·(log2 L + 1)·1 ns}. Resolving fewer bits is modelled as the same power for fewer 1 ns cycles, so
 * {@code E = P·cycles·1 ns}. Nodes the fit does not list (180, 28, 20, 16 nm) use the next larger fitted node
 * scaled with Stillmaker &amp; Baas (flagged as an estimate).
 */
public final class NeuroSimSarFit {
    static final String FILE = "neurosim/DNN_NeuroSim_V1.4 Inference_pytorch/NeuroSIM/SarADC.cpp GetColumnPower "
            + "(LP roadmap)";
    /** Fitted nodes and their (a µW/bit, b µW, c, k), copied from SarADC.cpp's LP branch. */
    private static final int[] NODES = {130, 90, 65, 45, 32, 22, 14, 10, 7};
    private static final double[][] COEFFICIENTS = {
            {8.4483, 65.243, 0.169380, 2.303},
            {5.9869, 37.462, 0.144323, 2.303},
            {3.7506, 25.844, 0.121272, 2.303},
            {2.1691, 16.693, 0.100225, 2.303},
            {1.1294, 8.8998, 0.079449, 2.297},
            {0.538, 4.3753, 0.072341, 2.303},
            {0.3132, 2.5681, 0.061085, 2.303},
            {0.1823, 1.5073, 0.051580, 2.303},
            {0.1061, 0.8847, 0.043555, 2.303},
    };
    /** NeuroSim's SAR comparator cycle: 1 ns ({@code CalculateLatency}). */
    public static final double CYCLE_NANOSECONDS = 1.0;

    private NeuroSimSarFit() {
    }

    /** The fitted node used for {@code node}: itself if fitted, else the next larger fitted one. */
    static TechNode fitNode(TechNode node) {
        int best = NODES[0];
        for (int n : NODES) {
            if (n >= node.nanometres()) {
                best = n;
            }
        }
        for (TechNode t : TechNode.values()) {
            if (t.nanometres() == best) {
                return t;
            }
        }
        throw new IllegalStateException("no node " + best);
    }

    /** Column power in watts at a fitted node for an {@code bits}-bit ADC reading a column of this resistance. */
    public static double columnWatts(TechNode fitted, int bits, double columnOhms, double readVoltage) {
        double[] abck = COEFFICIENTS[index(fitted.nanometres())];
        double effective = columnOhms * 0.5 / readVoltage;
        return (abck[0] * bits + abck[1]) * 1e-6 + abck[2] * Math.exp(-abck[3] * Math.log10(effective));
    }

    /** Energy of one conversion of {@code cycles} comparator cycles at {@code node}, picojoules. */
    public static double picojoulesPerConversion(TechNode node, int bits, double columnOhms, double readVoltage,
                                                 double cycles) {
        TechNode fitted = fitNode(node);
        double joules = columnWatts(fitted, bits, columnOhms, readVoltage) * cycles * CYCLE_NANOSECONDS * 1e-9;
        return joules * 1e12 * TechScaling.energyFactor(fitted, node);
    }

    public static CostSource source(TechNode node) {
        TechNode fitted = fitNode(node);
        return new CostSource("neurosim-sar-adc-" + fitted.id(), FILE + ", " + fitted.id() + " coefficients"
                + (fitted == node ? "" : ", scaled to " + node.id()), fitted.id(), fitted != node);
    }

    private static int index(int nanometres) {
        for (int i = 0; i < NODES.length; i++) {
            if (NODES[i] == nanometres) {
                return i;
            }
        }
        throw new IllegalArgumentException("SarADC.cpp has no " + nanometres + " nm fit");
    }
}
