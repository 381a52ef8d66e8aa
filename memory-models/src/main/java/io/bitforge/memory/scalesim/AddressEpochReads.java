package io.bitforge.memory.scalesim;

/**
 * A read operand's CALC-mode buffer followed address by address, for the ifmap of convolutions whose windows overlap
 * (im2col repeats an input element inside a fold, and neighbouring folds share elements, so the suffix argument of
 * {@link BlockEpochReads} does not hold). The same epochs as there: an address hits exactly when it was added since
 * the window last slid ({@link EpochAddressSet}), and the window slides when 50 sets of added addresses are full.
 * Only this operand goes address by address; the fold's ofmap stalls, which date its rows, come from counts. Time:
 * one step per request; memory: the window's addresses.
 */
final class AddressEpochReads implements CalcReads {
    private final Operand operand;
    private final long epochWords;
    private final long setWords;
    private final CalcPrefetchClock clock;
    private final EpochAddressSet epoch = new EpochAddressSet();
    private long[] row = new long[0];
    private long added;
    private long addedThisEpoch;
    private boolean seen;
    private long sramFirst;
    private long sramLast;

    AddressEpochReads(Operand operand, long sramWords) {
        this.operand = operand;
        this.setWords = sramWords / 100;
        // with fewer than 100 words a set never fills, so the window never slides (as in SCALE-Sim)
        this.epochWords = setWords == 0 ? Long.MAX_VALUE : CalcPrefetchClock.WINDOW_SETS * setWords;
        this.clock = new CalcPrefetchClock(setWords);
    }

    @Override
    public void fold(SystolicDemand demand, int fold, long foldStart, FoldStalls stalls) {
        boolean ifmap = operand == Operand.IFMAP;
        FoldStream stream = ifmap ? demand.ifmapStream(fold) : demand.filterStream(fold);
        int width = ifmap ? demand.ifmapWidth() : demand.filterWidth();
        if (row.length != width) {
            row = new long[width];
        }
        for (long r = stream.firstRow(); r <= stream.lastRow(); r++) {
            if (ifmap) {
                demand.ifmapRow(fold, (int) r, row);
            } else {
                demand.filterRow(fold, (int) r, row);
            }
            long cycle = -1;
            for (long address : row) {
                if (address == -1) {
                    continue;
                }
                if (cycle < 0) {
                    cycle = foldStart + r + stalls.before(r);
                    if (!seen) {
                        clock.firstRequest(cycle);
                        sramFirst = cycle + 1;
                        seen = true;
                    }
                    sramLast = cycle + 1;
                }
                if (epoch.add(address)) {
                    added++;
                    if (++addedThisEpoch == epochWords) {
                        clock.windowFilled(cycle);
                        epoch.nextEpoch();
                        addedThisEpoch = 0;
                    }
                }
            }
        }
    }

    @Override
    public OperandAccess sram(long reads) {
        return new OperandAccess(sramFirst, sramLast, reads);
    }

    @Override
    public OperandAccess dram() {
        long sets = setWords == 0 ? (added > 0 ? 1 : 0) : (added + setWords - 1) / setWords;
        clock.finish(sets);
        return new OperandAccess(clock.dramStartCycle(), clock.dramStopCycle(), added);
    }
}
