import io.bitforge.api.BitForge;
import io.bitforge.api.SimulateRequest;
import io.bitforge.core.io.Json;
import io.bitforge.simulation.SimulationOutcome;

/**
 * Simulates a workload on a built-in design and prints the result as JSON, exactly what
 * {@code bitforge simulate --hw HARDWARE --workload WORKLOAD --json -} prints.
 *
 * <pre>java -cp LIBRARY_CLASSPATH SimulatePreset.java tpu-like-int8 llama-2-7b</pre>
 */
public final class SimulatePreset {
    public static void main(String[] args) {
        String hardware = args.length > 0 ? args[0] : "tpu-like-int8";
        String workload = args.length > 1 ? args[1] : "llama-2-7b";
        BitForge bitforge = BitForge.create();
        // simulateWorkload takes an LLM or a diffusion model; simulate / simulateDiffusion return the typed reports.
        SimulationOutcome outcome = bitforge.simulateWorkload(SimulateRequest.builder()
                .hardware(hardware)
                .workload(workload)
                .build());
        System.out.print(Json.write(outcome.asMap(false)));
    }
}
