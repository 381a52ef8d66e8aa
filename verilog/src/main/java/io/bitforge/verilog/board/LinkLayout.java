package io.bitforge.verilog.board;

import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.array.TileArray;
import io.bitforge.verilog.array.TileBuffers;
import io.bitforge.verilog.pe.PeRtl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the host and the board agree on for one array design (see {@link HostProtocol}): the operand buffers and
 * their depths, the bytes of one loaded word, the result memories in the order {@code 'R'} numbers them (column j,
 * then column lane n, then drain segment s, as {@link TileArray}'s ports {@code c_j_n_s}), their depth and the
 * bytes of one result, and the design signature.
 */
public record LinkLayout(PeRtl pe, ArrayPlan plan, String arrayModule) {
    public static LinkLayout of(PeRtl pe, ArrayPlan plan) {
        return new LinkLayout(pe, plan, TileArray.moduleName(pe, plan));
    }

    public TileBuffers buffers() {
        return TileBuffers.forCell(pe, plan);
    }

    public int rows() {
        return plan.rows();
    }

    public int cols() {
        return plan.cols();
    }

    /** Operand buffers: the rows' activation buffers, then the columns' weight buffers. */
    public int operandBuffers() {
        return plan.rows() + plan.cols();
    }

    /** Words in operand buffer {@code buffer}. */
    public int depth(int buffer) {
        // as TileArray lays its buffers out: an edge decoder's buffers hold a pair of codes per word (OliVe)
        return buffer < plan.rows() ? plan.rowFolds() * buffers().activationWordsPerFold()
                : plan.colFolds() * buffers().weightWordsPerFold();
    }

    public int loadWordBits() {
        return Math.max(buffers().activationWordBits(), buffers().weightWordBits());
    }

    /** Bytes per loaded word (both kinds of buffer take words of the wider one). */
    public int loadBytes() {
        return (loadWordBits() + 7) / 8;
    }

    /** Result memory ports in protocol order, as {col, lane, segment}. */
    public List<int[]> resultMemories() {
        List<int[]> out = new ArrayList<>();
        for (int j = 0; j < plan.cols(); j++) {
            for (int n = 0; n < plan.timing().lanesN(); n++) {
                for (int s = 0; s < plan.drainSegments(); s++) {
                    out.add(new int[] {j, n, s});
                }
            }
        }
        return out;
    }

    public int resultDepth() {
        return buffers().resultDepth();
    }

    public int accumulatorBits() {
        return pe.accumulatorBits();
    }

    public int resultBytes() {
        return (pe.accumulatorBits() + 7) / 8;
    }

    /** The first four bytes of SHA-256 of the array module's name, as an unsigned little-endian number. */
    public long signature() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(arrayModule.getBytes(StandardCharsets.UTF_8));
            return (d[0] & 0xffL) | (d[1] & 0xffL) << 8 | (d[2] & 0xffL) << 16 | (d[3] & 0xffL) << 24;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
