package io.bitforge.memory.scalesim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bounded-memory buffers give exactly what the versions that kept every word and address give
 * ({@link DrainingWriteBufferReference}, {@link EstimatingReadBufferReference}), on random demand streams long
 * enough for the address map to be rebuilt many times.
 */
class BoundedBufferProperties {
    @Property(tries = 200)
    void writeBufferCountsEqualTheLineKeepingOne(@ForAll @IntRange(min = 2, max = 3000) int words,
                                                 @ForAll @IntRange(min = 1, max = 40) int lineWords,
                                                 @ForAll @IntRange(min = 1, max = 40) int rowWidth,
                                                 @ForAll @IntRange(min = 1, max = 4000) int rows,
                                                 @ForAll long seed) {
        DrainingWriteBuffer bounded = new DrainingWriteBuffer(words, lineWords);
        DrainingWriteBufferReference reference = new DrainingWriteBufferReference(words, lineWords);
        Random random = new Random(seed);
        long[] row = new long[rowWidth];
        long address = 0;
        long cycle = 0;
        long lastCycle = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < rowWidth; c++) {
                row[c] = random.nextInt(4) == 0 ? -1 : address++;
            }
            long served = bounded.serve(row, cycle);
            assertEquals(reference.serve(row, cycle), served, "row " + r);
            cycle = served + 1 + random.nextInt(3);
            lastCycle = served;
        }
        bounded.drainAll(lastCycle);
        reference.drainAll(lastCycle);
        assertEquals(reference.dramWrites(), bounded.dramWrites());
        assertEquals(reference.hasTrace(), bounded.hasTrace());
        assertEquals(reference.dramStartCycle(), bounded.dramStartCycle());
        assertEquals(reference.dramStopCycle(), bounded.dramStopCycle());
    }

    @Property(tries = 60)
    void readBufferPrefetchesEqualTheAddressKeepingOne(@ForAll @IntRange(min = 100, max = 4000) int words,
                                                       @ForAll @IntRange(min = 1, max = 64) int rowWidth,
                                                       @ForAll @IntRange(min = 1, max = 30_000) int rows,
                                                       @ForAll @IntRange(min = 1, max = 50_000) int addressSpace,
                                                       @ForAll @IntRange(min = 0, max = 2) int pattern,
                                                       @ForAll long seed) {
        EstimatingReadBuffer bounded = new EstimatingReadBuffer(words, 16); // rebuilds often
        EstimatingReadBufferReference reference = new EstimatingReadBufferReference(words);
        Random random = new Random(seed);
        // A row wider than a set (words / 100) can slide the window twice in one cycle, and both versions then
        // divide by a zero-cycle prefetch, as SCALE-Sim's estimate does; real arrays are far narrower than a set.
        long[] row = new long[Math.min(rowWidth, words / 100)];
        long next = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = switch (pattern) {
                    case 0 -> random.nextInt(addressSpace); // random reuse
                    case 1 -> next++ % addressSpace; // a block streamed again and again
                    default -> random.nextInt(8) == 0 ? -1 : (next++ / 3) % addressSpace; // runs, gaps
                };
            }
            bounded.serve(row, r);
            reference.serve(row, r);
        }
        bounded.completeAllPrefetches();
        reference.completeAllPrefetches();
        assertEquals(reference.dramReads(), bounded.dramReads());
        assertEquals(reference.hasTrace(), bounded.hasTrace());
        assertEquals(reference.dramStartCycle(), bounded.dramStartCycle());
        assertEquals(reference.dramStopCycle(), bounded.dramStopCycle());
    }
}
