package io.bitforge.verilog.hdl;

import io.bitforge.core.arith.Bits;

import java.util.List;

/**
 * A word-addressed memory (identity equality) with at most one write port and any number of read ports.
 * Synchronous reads register the word on the clock edge (what SB_RAM40_4K implements); asynchronous reads
 * are allowed for small tables but never map to block RAM. Contents start as {@code initWords} (missing words
 * are zero).
 */
public final class Memory {
    private final String name;
    private final Shape word;
    private final int depth;
    private final List<Long> initWords;
    private final ReadUnderWrite policy;
    private final Object owner;
    private final boolean loadsFromHex;

    Memory(String name, Shape word, int depth, List<Long> initWords, ReadUnderWrite policy, Object owner,
           boolean loadsFromHex) {
        if (depth < 1) {
            throw new HdlException("memory " + name + " needs a depth >= 1, got " + depth);
        }
        if (word.wide()) {
            throw new HdlException("memory " + name + " has " + word + " words; memory words are at most "
                    + Shape.LONG_WIDTH + " bits (split a wider word over several memories)");
        }
        if (initWords.size() > depth) {
            throw new HdlException("memory " + name + " has " + initWords.size() + " initial words for depth " + depth);
        }
        for (long w : initWords) {
            if (!word.fits(w)) {
                throw new HdlException("memory " + name + " initial word " + w + " does not fit " + word);
            }
        }
        this.name = name;
        this.word = word;
        this.depth = depth;
        this.initWords = List.copyOf(initWords);
        this.policy = policy;
        this.owner = owner;
        this.loadsFromHex = loadsFromHex;
    }

    /** Whether the emitted Verilog loads the contents with {@code $readmemh} from a file beside the module. */
    public boolean loadsFromHex() {
        return loadsFromHex;
    }

    public String name() {
        return name;
    }

    public Shape word() {
        return word;
    }

    public int depth() {
        return depth;
    }

    /** ceil(log2(depth)), at least 1. */
    public int addressWidth() {
        return Math.max(1, Bits.ceilLog2(depth));
    }

    public List<Long> initWords() {
        return initWords;
    }

    public ReadUnderWrite policy() {
        return policy;
    }

    Object owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "memory " + name + "[" + depth + "]:" + word;
    }
}
