import io.bitforge.api.BitForge;
import io.bitforge.api.SimulateRequest;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.simulation.SimulationReport;

import java.util.Locale;

/**
 * Sweeps the array size of one design in a loop and prints a table: Llama-2-7B decoding 32 tokens from a
 * 512-token context at W8A8, on square arrays from 8x8 to 128x128.
 */
public final class SweepArraySizes {
    public static void main(String[] args) {
        BitForge bitforge = BitForge.create();
        HardwareSpec base = bitforge.hardware(io.bitforge.api.HardwareChoice.named("tpu-like-int8"));
        System.out.println("array    cycles        decode tokens/s  uJ/token   util %");
        for (int side : new int[] {8, 16, 32, 64, 128}) {
            HardwareSpec spec = base.withArray(new ArraySpec(side, side)).withName("tpu-like-int8 " + side + "x" + side);
            SimulationReport report = bitforge.simulate(SimulateRequest.builder()
                    .hardware(spec).workload("llama-2-7b")
                    .phase("decode").context(512).generate(32).quant("W8A8,lm_head:same")
                    .build());
            System.out.printf(Locale.ROOT, "%-8s %-13d %-16.2f %-10.2f %.2f%n", side + "x" + side,
                    report.totalCycles(), report.outputTokens() / report.latencySeconds(),
                    report.totalCost().totalPicojoules() / report.outputTokens() * 1e-6,
                    report.utilizationPercent());
        }
    }
}
