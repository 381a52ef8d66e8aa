package io.bitforge.core.engine;

import io.bitforge.core.cost.Operand;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;

import java.util.List;

/**
 * Cycles the array waits on operand SRAMs whose banks and ports cannot deliver what the dataflow asks of them
 * each cycle. A buffer delivers {@code banks × portsPerBank × wordBits} bits per cycle (elements interleaved across
 * banks, so an even stream meets no bank conflicts). Within a fold each buffer must move its operand's elements
 * (the fold's SRAM reads or writes, {@link FoldClass}) in the cycles the dataflow gives that operand:
 * <pre>
 *   phase                os                         ws                        is
 *   preload (R cycles)   -                          weights                   activations
 *   stream (T steps)     activations, weights       activations, outputs      weights, outputs
 *   whole fold           outputs                    -                         -
 * </pre>
 * so an os array reads R activation and C weight elements per streaming step, and a ws array preloads one row of
 * C weights per cycle, then reads R activations and writes C partial sums per step. An output-stationary array
 * shifts a fold's results out while the next fold streams, so its output buffer has the whole fold. A fold
 * without preload cycles (the stream-only convention) loads its stationary operand during its streaming steps.
 * An operand that needs more than its cycles at the buffer's width stretches them to
 * {@code ceil(bits / bits per cycle)}; buffers work in parallel, so a fold waits for the most stretched buffer of
 * each phase (ws and is: preload, then stream). The stretch, summed over folds, is the SRAM stall. SCALE-Sim
 * assumes the SRAMs keep up (its USER-mode regression runs model no bank or port limit), so its compatibility
 * mode charges none of this.
 */
final class SramPortStalls {
    private SramPortStalls() {
    }

    /**
     * SRAM stall cycles of one GEMM instance.
     *
     * @param streamCycles  cycles of one fold's streaming steps
     * @param preloadCycles cycles one fold spends preloading its stationary operand (0 for os or none)
     * @param elementBits   bits of an activation, weight and output element, in {@link Operand} order
     */
    static long cycles(BufferSpecs buffers, Dataflow dataflow, ArrayMetrics schedule, long streamCycles,
                       long preloadCycles, int[] elementBits) {
        long total = 0;
        for (FoldClass fold : schedule.foldClasses()) {
            long[] elements = {fold.activationReads(), fold.weightReads(), fold.outputWrites()};
            long stall = switch (dataflow) {
                case OS -> Math.max(
                        phase(buffers, elements, elementBits, streamCycles, Operand.ACTIVATIONS, Operand.WEIGHTS),
                        phase(buffers, elements, elementBits, schedule.foldCycles(), Operand.OUTPUTS));
                case WS -> stationary(buffers, elements, elementBits, streamCycles, preloadCycles, Operand.WEIGHTS,
                        Operand.ACTIVATIONS);
                case IS -> stationary(buffers, elements, elementBits, streamCycles, preloadCycles,
                        Operand.ACTIVATIONS, Operand.WEIGHTS);
            };
            total = Math.addExact(total, Math.multiplyExact(fold.count(), stall));
        }
        return total;
    }

    private static long stationary(BufferSpecs buffers, long[] elements, int[] bits, long streamCycles,
                                   long preloadCycles, Operand held, Operand streamed) {
        if (preloadCycles == 0) {
            return phase(buffers, elements, bits, streamCycles, held, streamed, Operand.OUTPUTS);
        }
        return phase(buffers, elements, bits, preloadCycles, held)
                + phase(buffers, elements, bits, streamCycles, streamed, Operand.OUTPUTS);
    }

    /** Extra cycles a phase of {@code cycles} needs for the slowest of its operands' buffers. */
    private static long phase(BufferSpecs buffers, long[] elements, int[] bits, long cycles, Operand... operands) {
        long stall = 0;
        for (Operand operand : List.of(operands)) {
            long needed = accessCycles(buffers.of(operand), Math.multiplyExact(elements[operand.ordinal()],
                    bits[operand.ordinal()]));
            stall = Math.max(stall, needed - cycles);
        }
        return stall;
    }

    /** Cycles a buffer needs to move {@code bits}: ceil(bits / (banks × ports × word bits)). */
    static long accessCycles(BufferSpec buffer, long bits) {
        long perCycle = Math.multiplyExact(Math.multiplyExact((long) buffer.banks(), buffer.portsPerBank()),
                buffer.wordBits());
        return -Math.floorDiv(-bits, perCycle);
    }
}
