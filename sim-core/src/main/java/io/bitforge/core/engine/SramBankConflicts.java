package io.bitforge.core.engine;

import io.bitforge.core.cost.Operand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.Dataflow;

/**
 * SRAM bank conflicts of the strided reads a dataflow makes, charged under {@code mapping.cycleModel: pipelined}
 * on top of {@link SramPortStalls} (which assumes an even stream across banks). A buffer interleaves words across
 * its banks ({@code bank = word mod banks}); each step the array reads one element per row from a strided set of
 * addresses:
 * <ul>
 *   <li>{@code os}: the R activations of one reduction index k, one from each of R rows of A (row-major M × K):
 *       K elements apart;</li>
 *   <li>{@code is}: the R weights of one output column n along K, from B (row-major K × N): N elements apart;</li>
 *   <li>{@code ws}: a row of A along K and partial sums along N, both contiguous: no conflicts.</li>
 * </ul>
 * A step then takes as many cycles as the busiest bank has distinct words to deliver, divided by its ports,
 * instead of one; the extra cycles beyond what the buffer's width already costs are the conflict stall. With one
 * bank, or a stride that spreads the words over all banks, there is none. Contiguous streams of the other operands
 * are not affected.
 */
final class SramBankConflicts {
    private SramBankConflicts() {
    }

    /** Extra SRAM cycles of one GEMM instance from bank conflicts. */
    static long cycles(BufferSpecs buffers, Dataflow dataflow, ArrayMetrics schedule, long streamCycles, GemmOp op,
                       int[] elementBits) {
        Operand strided;
        long stride;
        switch (dataflow) {
            case OS -> {
                strided = Operand.ACTIVATIONS;
                stride = op.k();
            }
            case IS -> {
                strided = Operand.WEIGHTS;
                stride = op.n();
            }
            default -> {
                return 0;
            }
        }
        BufferSpec buffer = buffers.of(strided);
        if (buffer.banks() == 1 || streamCycles == 0) {
            return 0;
        }
        int bits = elementBits[strided.ordinal()];
        long total = 0;
        for (FoldClass fold : schedule.foldClasses()) {
            long reads = strided == Operand.ACTIVATIONS ? fold.activationReads() : fold.weightReads();
            long perStep = -Math.floorDiv(-reads, streamCycles);
            long stepCycles = -Math.floorDiv(-busiestBank(perStep, stride, bits, buffer), buffer.portsPerBank());
            long conflicted = Math.multiplyExact(streamCycles, stepCycles);
            long widthLimited = Math.max(streamCycles,
                    SramPortStalls.accessCycles(buffer, Math.multiplyExact(reads, bits)));
            total = Math.addExact(total, Math.multiplyExact(fold.count(), Math.max(0, conflicted - widthLimited)));
        }
        return total;
    }

    /** Distinct words the busiest bank delivers for {@code accesses} elements {@code stride} elements apart. */
    static long busiestBank(long accesses, long stride, int elementBits, BufferSpec buffer) {
        long elementsPerWord = Math.max(1, buffer.wordBits() / elementBits);
        long[] perBank = new long[buffer.banks()];
        long previousWord = -1;
        long busiest = 0;
        for (long i = 0; i < accesses; i++) {
            long word = Math.multiplyExact(i, stride) / elementsPerWord;
            if (word != previousWord) {
                int bank = (int) (word % buffer.banks());
                busiest = Math.max(busiest, ++perBank[bank]);
                previousWord = word;
            }
        }
        return busiest;
    }
}
