package io.bitforge.memory.scalesim;

/**
 * One layer of a SCALE-Sim topology, in its convolution form (scalesim/topology_utils.py). A GEMM row
 * {@code layer, M, N, K} becomes the convolution SCALE-Sim builds from it: an M × K input, one 1 × K filter
 * per output column, N filters, stride 1, so that the GEMM's A is M × K, B is K × N and C is M × N.
 */
public record TopologyLayer(String name, int ifmapRows, int ifmapCols, int filterRows, int filterCols,
                            int channels, int numFilters, int strideRows, int strideCols) {

    public TopologyLayer {
        if (ifmapRows < 1 || ifmapCols < 1 || filterRows < 1 || filterCols < 1 || channels < 1 || numFilters < 1
                || strideRows < 1 || strideCols < 1) {
            throw new IllegalArgumentException(name + ": every dimension and stride must be >= 1");
        }
        if (filterRows > ifmapRows || filterCols > ifmapCols) {
            throw new IllegalArgumentException(name + ": the filter cannot be larger than the input");
        }
        // The GEMM view's M (output pixels) and K (window) index int arrays and loops; past the int range the
        // layer would wrap to a negative size and report zero cycles.
        long pixels = outputs(ifmapRows, filterRows, strideRows) * outputs(ifmapCols, filterCols, strideCols);
        long window = (long) filterRows * filterCols * channels;
        if (pixels > Integer.MAX_VALUE || window > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": " + (pixels > Integer.MAX_VALUE
                    ? "output pixels per filter (M) = " + pixels : "window size (K) = filter h x w x channels = " + window)
                    + ": must be at most " + Integer.MAX_VALUE + " (the largest layer SCALE-Sim mode indexes)");
        }
    }

    /** SCALE-Sim's GEMM row mapping: entries {@code [M, K, 1, K, 1, N, 1, 1]}. */
    public static TopologyLayer gemm(String name, int m, int n, int k) {
        return new TopologyLayer(name, m, k, 1, k, 1, n, 1, 1);
    }

    /** ceil((ifmap − filter + stride) / stride), as SCALE-Sim computes it (no padding). */
    public int ofmapRows() {
        return (int) outputs(ifmapRows, filterRows, strideRows);
    }

    public int ofmapCols() {
        return (int) outputs(ifmapCols, filterCols, strideCols);
    }

    /** ceil((input − filter + stride) / stride) in long, so that no term wraps near Integer.MAX_VALUE. */
    private static long outputs(int input, int filter, int stride) {
        return ((long) input - filter + stride + stride - 1) / stride;
    }

    /** Output pixels per filter: the GEMM's M. */
    public int ofmapPixelsPerFilter() {
        return ofmapRows() * ofmapCols();
    }

    /** Convolution window: the GEMM's K (the reduction). */
    public int windowSize() {
        return filterRows * filterCols * channels;
    }

    /** Multiply-accumulates: M × N × K. */
    public long macs() {
        return (long) ofmapPixelsPerFilter() * numFilters * windowSize();
    }
}
