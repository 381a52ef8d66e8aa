package io.bitforge.memory.scalesim;

/**
 * The word addresses SCALE-Sim v2 gives each operand element (scalesim/compute/operand_matrix.py), one byte
 * per word. The GEMM view of a layer: the ifmap operand is M × K (output pixel × window element, im2col), the
 * filter operand K × N, the ofmap operand M × N.
 * <ul>
 * <li>ifmap(i, j): output pixel i = (row, col) of the output map starts its window at input (row × stride,
 * col × stride); window element j = (filter row, filter col, channel) in channel-fastest order; the address is
 * (input row × input width + input col) × channels + channel + ifmap offset, or −1 (no request) when the
 * window runs past the input edge (SCALE-Sim does not pad).</li>
 * <li>filter(i, j) = j × window size + i + filter offset.</li>
 * <li>ofmap(i, j) = i × N + j + ofmap offset.</li>
 * </ul>
 */
final class OperandAddresses {
    private final TopologyLayer layer;
    private final long ifmapOffset;
    private final long filterOffset;
    private final long ofmapOffset;
    private final int ofmapCols;
    private final int window;
    private final int filterRowSpan;

    OperandAddresses(TopologyLayer layer, ScaleSimConfig config) {
        this.layer = layer;
        this.ifmapOffset = config.ifmapOffset();
        this.filterOffset = config.filterOffset();
        this.ofmapOffset = config.ofmapOffset();
        this.ofmapCols = layer.ofmapCols();
        this.window = layer.windowSize();
        this.filterRowSpan = layer.filterCols() * layer.channels();
    }

    /** Rows of the ifmap operand: M. */
    int m() {
        return layer.ofmapPixelsPerFilter();
    }

    /** The reduction: K. */
    int k() {
        return window;
    }

    /** Filters: N. */
    int n() {
        return layer.numFilters();
    }

    /**
     * True when every ifmap element has its own address and none runs past the input (no −1): along each axis the
     * windows do not overlap (filter ≤ stride, or a single output) and the last one fits. GEMM rows always qualify.
     */
    boolean ifmapDistinct() {
        return fits(layer.ofmapRows(), layer.filterRows(), layer.strideRows(), layer.ifmapRows())
                && fits(layer.ofmapCols(), layer.filterCols(), layer.strideCols(), layer.ifmapCols());
    }

    private static boolean fits(int outputs, int filter, int stride, int input) {
        return (outputs == 1 || filter <= stride) && (long) (outputs - 1) * stride + filter <= input;
    }

    long ifmap(int i, int j) {
        int ofmapRow = i / ofmapCols;
        int ofmapCol = i % ofmapCols;
        int inputRow = ofmapRow * layer.strideRows();
        int inputCol = ofmapCol * layer.strideCols();
        int windowRow = j / filterRowSpan;
        int rest = j % filterRowSpan;
        int windowCol = rest / layer.channels();
        int channel = rest % layer.channels();
        if (inputRow + windowRow >= layer.ifmapRows() || inputCol + windowCol >= layer.ifmapCols()) {
            return -1;
        }
        long rowWords = (long) layer.ifmapCols() * layer.channels();
        return (inputRow + windowRow) * rowWords + (long) (inputCol + windowCol) * layer.channels() + channel
                + ifmapOffset;
    }

    long filter(int i, int j) {
        return (long) j * window + i + filterOffset;
    }

    long ofmap(int i, int j) {
        return (long) layer.numFilters() * i + j + ofmapOffset;
    }
}
