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
    }

    /** SCALE-Sim's GEMM row mapping: entries {@code [M, K, 1, K, 1, N, 1, 1]}. */
    public static TopologyLayer gemm(String name, int m, int n, int k) {
        return new TopologyLayer(name, m, k, 1, k, 1, n, 1, 1);
    }

    /** ceil((ifmap − filter + stride) / stride), as SCALE-Sim computes it (no padding). */
    public int ofmapRows() {
        return (ifmapRows - filterRows + strideRows + strideRows - 1) / strideRows;
    }

    public int ofmapCols() {
        return (ifmapCols - filterCols + strideCols + strideCols - 1) / strideCols;
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
