package io.bitforge.memory.scalesim;

import java.util.HashMap;
import java.util.Map;

/**
 * A read operand's CALC-mode buffer followed address by address, for the ifmap of convolutions whose windows overlap
 * (im2col repeats an input element inside a fold, and neighbouring folds share elements, so the suffix argument of
 * {@link BlockEpochReads} does not hold). The same epochs as there: an address hits exactly when it was added since
 * the window last slid ({@link EpochAddressSet}), and the window slides when 50 sets of added addresses are full.
 * Only this operand goes address by address; the fold's ofmap stalls, which date its rows, come from counts. A fold
 * that rereads a block read whole since the window last slid, with no slide during that read, hits on every request
 * and is skipped. Time: one step per request otherwise; memory: the window's addresses.
 */
final class AddressEpochReads implements CalcReads {
    private final Operand operand;
    private final EpochWindow window;
    private final EpochAddressSet epoch = new EpochAddressSet();
    private long[] row = new long[0];
    /** Blocks read whole in the current epoch (none when the window has slid since): their last requesting row. */
    private final Map<Integer, Long> wholeInEpoch = new HashMap<>();

    AddressEpochReads(Operand operand, long sramWords) {
        this.operand = operand;
        this.window = new EpochWindow(sramWords);
    }

    @Override
    public void fold(SystolicDemand demand, int fold, long foldStart, FoldStalls stalls) {
        boolean ifmap = operand == Operand.IFMAP;
        FoldStream stream = ifmap ? demand.ifmapStream(fold) : demand.filterStream(fold);
        int width = ifmap ? demand.ifmapWidth() : demand.filterWidth();
        if (row.length != width) {
            row = new long[width];
        }
        int block = ifmap ? demand.ifmapBlock(fold) : demand.filterBlock(fold);
        Long kept = block >= 0 ? wholeInEpoch.get(block) : null;
        if (kept != null) {
            // every address of the block is in the epoch already: all hits, no slide; only the SRAM window moves
            window.sramUntil(foldStart + kept + stalls.before(kept));
            return;
        }
        long lastRequestRow = -1;
        boolean slid = false;
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
                    window.request(cycle);
                    window.sramUntil(cycle);
                    lastRequestRow = r;
                }
                if (epoch.add(address)) {
                    if (window.room() == 1) {
                        window.fill(cycle);
                        epoch.nextEpoch();
                        wholeInEpoch.clear();
                        slid = true;
                    } else {
                        window.add(1);
                    }
                }
            }
        }
        if (block >= 0 && !slid && lastRequestRow >= 0) {
            wholeInEpoch.put(block, lastRequestRow);
        }
    }

    @Override
    public OperandAccess sram(long reads) {
        return window.sram(reads);
    }

    @Override
    public OperandAccess dram() {
        return window.dram();
    }
}
