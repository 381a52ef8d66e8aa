package io.bitforge.core.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Every number format id, known without building a format: {@link NumberFormats}' constants build value tables
 * when that class initialises, which the registry's start-up (it only lists ids) does not need. NumberFormats
 * checks when it initialises that its named formats are exactly {@link #NAMED}, in this order.
 */
final class FormatIdList {
    /** The formats with a fixed name, in {@link NumberFormats}' order. */
    static final List<String> NAMED = List.of("fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp6-e3m2",
            "fp4-e2m1", "flint4", "uflint4", "pot3", "pot4", "bitmod-fp3-er+", "bitmod-fp3-er-", "bitmod-fp3-ea+",
            "bitmod-fp3-ea-", "bitmod-fp4-er+", "bitmod-fp4-er-", "bitmod-fp4-ea+", "bitmod-fp4-ea-", "bitmod-mix3",
            "bitmod-mix4", "ant4", "ovp-int4", "ovp-flint4", "ovp-int8", "ternary");

    private FormatIdList() {
    }

    /** Integers of every width and encoding, the named formats, then every binary-coding format. */
    static List<String> all() {
        List<String> ids = new ArrayList<>();
        for (IntFormat.Encoding e : IntFormat.Encoding.values()) {
            for (int bits = e == IntFormat.Encoding.SIGN_MAGNITUDE ? 2 : 1; bits <= IntFormat.MAX_BITS; bits++) {
                ids.add(e.prefix() + bits);
            }
        }
        ids.addAll(NAMED);
        for (int q = 1; q <= BcqFormat.MAX_PLANES; q++) {
            ids.add("bcq" + q);
            ids.add("bcq" + q + "-pot");
        }
        return List.copyOf(ids);
    }
}
