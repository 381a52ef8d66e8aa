package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.AntTypeChoice;
import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.MiniFloat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Quantises a row-major [rows, cols] matrix (rows = output channels, cols = the reduction dimension) into a
 * {@link QuantizedTensor}: per tensor, per channel or per group of G along the reduction; symmetric or
 * asymmetric. Each paper format is quantised as its reference code does it by default ({@link QuantMethod#PAPER}:
 * ANT's clipping search for flint4/PoT, OliVe's 3σ search for OVP, ShiftAddLLM's fit for binary coding, with
 * their tie rule, a tie to the upper value); BitForge's own variants are {@link QuantMethod#BITFORGE}. Other
 * formats send ties to the lower value (BitMoD's quantiser, yc2367/BitMoD-HPCA-25 quant_weight.py:
 * {@code x <= midpoint} takes the lower value). BitMoD mixtures choose a variant per group by least squared
 * error, {@code ant4} chooses a type per quantised tensor ({@link AntTypeSelection}), ternary uses BitNet's
 * absmean scale, fp16 and bf16 are plain casts (scale 1).
 *
 * <p>Metadata charged per group (for {@link QuantizedTensor#bitsPerElement()}): {@code scaleBits} per scale
 * (16 by default, an FP16 scale; q scales for binary coding), {@code zeroPointBits} when asymmetric (the format's
 * width for integers, else 16) and 2 selector bits for BitMoD mixtures. Immutable; safe to share.
 */
public final class Quantizer {
    private final NumberFormat format;
    private final Granularity granularity;
    private final int groupSize;
    private final boolean symmetric;
    private final ScaleRule scaleRule;
    private final QuantMethod method;
    private final int bcqRounds;
    private final Rounding rounding;
    private final int scaleBits;
    private final int zeroPointBits;

    private Quantizer(Builder b) {
        this.format = b.format;
        this.granularity = b.granularity;
        this.groupSize = b.groupSize;
        this.method = b.method;
        this.bcqRounds = b.bcqRounds;
        this.rounding = b.rounding != null ? b.rounding : defaultRounding(format, method);
        this.scaleBits = b.scaleBits;
        boolean elementFormat = format instanceof ElementFormat;
        this.symmetric = b.symmetric != null ? b.symmetric
                : !(elementFormat && ((ElementFormat) format).grid().min() >= 0);
        if (!symmetric && !elementFormat) {
            throw new IllegalArgumentException(format.id() + " is quantised symmetrically only");
        }
        this.scaleRule = b.scaleRule != null ? b.scaleRule : defaultScaleRule(format, method);
        if (scaleRule == ScaleRule.SIGMA_SEARCH && !(format instanceof OvpFormat)
                || scaleRule == ScaleRule.CLIP_SEARCH && !elementFormat) {
            throw new IllegalArgumentException("scale rule " + scaleRule + " is not defined for " + format.id());
        }
        if (scaleRule != ScaleRule.ABSMAX && scaleRule != ScaleRule.NONE && !symmetric) {
            throw new IllegalArgumentException("asymmetric quantisation maps [min, max]; scale rule " + scaleRule
                    + " needs symmetric");
        }
        if (scaleRule == ScaleRule.NONE && !elementFormat) {
            throw new IllegalArgumentException(format.id() + " needs a scale; scale rule NONE is for element formats");
        }
        this.zeroPointBits = b.zeroPointBits != null ? b.zeroPointBits
                : format instanceof IntFormat ? format.bits() : 16;
        if (granularity == Granularity.GROUP && format instanceof OvpFormat && groupSize % 2 != 0) {
            throw new IllegalArgumentException("OVP pairs neighbours; the group size must be even, got " + groupSize);
        }
    }

    private static ScaleRule defaultScaleRule(NumberFormat format, QuantMethod method) {
        if (format == NumberFormats.TERNARY) {
            return ScaleRule.ABSMEAN;
        }
        if (format instanceof MiniFloat && format.bits() >= 16) {
            return ScaleRule.NONE;
        }
        boolean paper = method == QuantMethod.PAPER;
        if (format instanceof OvpFormat) {
            return paper ? ScaleRule.SIGMA_SEARCH : ScaleRule.MSE_SEARCH;
        }
        return paper && isAntType(format) ? ScaleRule.CLIP_SEARCH : ScaleRule.ABSMAX;
    }

    /**
     * Ties: ANT's and OliVe's CUDA kernel and ShiftAddLLM's binary search send a tie to the upper value; everything
     * else here follows BitMoD's quantiser, which sends it to the lower value.
     */
    private static Rounding defaultRounding(NumberFormat format, QuantMethod method) {
        boolean paperTies = isAntType(format) || format instanceof OvpFormat || format instanceof BcqFormat;
        return method == QuantMethod.PAPER && paperTies ? Rounding.HALF_UP : Rounding.HALF_DOWN_TOWARD_LOWER;
    }

    /** ANT's signed weight types: flint4 and the power-of-two formats. */
    private static boolean isAntType(NumberFormat format) {
        return format == NumberFormats.FLINT4 || format == NumberFormats.POT3 || format == NumberFormats.POT4;
    }

    public static Builder builder(NumberFormat format) {
        return new Builder(format);
    }

    public NumberFormat format() {
        return format;
    }

    public Granularity granularity() {
        return granularity;
    }

    public int groupSize() {
        return groupSize;
    }

    public boolean symmetric() {
        return symmetric;
    }

    public ScaleRule scaleRule() {
        return scaleRule;
    }

    public Rounding rounding() {
        return rounding;
    }

    public QuantMethod method() {
        return method;
    }

    /** Refinement rounds of ShiftAddLLM's binary-coding fit (used by bcq formats under the paper method). */
    public int bcqRounds() {
        return bcqRounds;
    }

    /** The group layout this quantiser gives a [rows, cols] matrix. */
    public GroupLayout layout(int rows, int cols) {
        return new GroupLayout(granularity, rows, cols, granularity == Granularity.GROUP ? groupSize : cols);
    }

    /** Quantises {@code values} (row-major, rows·cols long). Non-finite values throw. */
    public QuantizedTensor quantize(float[] values, int rows, int cols) {
        GroupLayout layout = layout(rows, cols);
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("need " + layout.size() + " values for " + rows + "x" + cols + ", got "
                    + values.length);
        }
        if (format instanceof AntTypeChoice) {
            // A per-tensor choice: the result holds the chosen type's codes and that type as its format.
            return AntTypeSelection.choose(this, values, rows, cols).tensor();
        }
        GroupQuantizer groups = groupQuantizer();
        int count = layout.groupCount();
        GroupQuantizer.Output out = new GroupQuantizer.Output(new short[layout.size()],
                new double[count * groups.scalesPerGroup()], new double[groups.storesZeroPoint() ? count : 0],
                new byte[format instanceof BitmodMixture ? count : 0]);
        // Groups are independent and each writes only its own slots, so they run in parallel with the same result.
        IntStream.range(0, count).parallel()
                .forEach(g -> groups.quantize(values, layout.start(g), layout.end(g), g, out));
        return new QuantizedTensor(format, layout, out.codes(), out.scales(), out.zeroPoints(), out.choices(),
                metadataBitsPerGroup(groups), rounding);
    }

    private int metadataBitsPerGroup(GroupQuantizer groups) {
        // A plain cast (scale rule NONE) stores no scale.
        int bits = scaleRule == ScaleRule.NONE ? 0 : groups.scalesPerGroup() * scaleBits;
        if (groups.storesZeroPoint()) {
            bits += zeroPointBits;
        }
        if (format instanceof BitmodMixture m) {
            bits += m.selectorBits();
        }
        return bits;
    }

    private GroupQuantizer groupQuantizer() {
        if (format instanceof ElementFormat e) {
            return new ElementGroupQuantizer(e, symmetric, scaleRule, rounding);
        }
        if (format instanceof BitmodMixture m) {
            return new MixtureGroupQuantizer(m, rounding);
        }
        if (format instanceof OvpFormat o) {
            return new OvpGroupQuantizer(o, scaleRule, rounding);
        }
        return method == QuantMethod.PAPER ? new ShiftAddBcqGroupQuantizer((BcqFormat) format, bcqRounds)
                : new BcqGroupQuantizer((BcqFormat) format, rounding);
    }

    @Override
    public String toString() {
        return format.id() + " " + granularity.name().toLowerCase(Locale.ROOT)
                + (granularity == Granularity.GROUP ? " g" + groupSize : "") + (symmetric ? " sym" : " asym");
    }

    /**
     * Settings with defaults: per channel, symmetric for signed grids, the paper's method (see {@link QuantMethod}),
     * ties as that method's reference does, 16-bit scales.
     */
    public static final class Builder {
        private final NumberFormat format;
        private Granularity granularity = Granularity.CHANNEL;
        private int groupSize = 128;
        private Boolean symmetric;
        private ScaleRule scaleRule;
        private QuantMethod method = QuantMethod.PAPER;
        private int bcqRounds = ShiftAddBcqGroupQuantizer.DEFAULT_ROUNDS;
        private Rounding rounding;
        private int scaleBits = 16;
        private Integer zeroPointBits;

        private Builder(NumberFormat format) {
            this.format = Objects.requireNonNull(format, "format");
        }

        public Builder granularity(Granularity granularity) {
            this.granularity = Objects.requireNonNull(granularity, "granularity");
            return this;
        }

        /** Per group of {@code size} along the reduction (sets the granularity to GROUP). */
        public Builder groupSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("group size must be >= 1, got " + size);
            }
            this.groupSize = size;
            this.granularity = Granularity.GROUP;
            return this;
        }

        public Builder symmetric(boolean symmetric) {
            this.symmetric = symmetric;
            return this;
        }

        public Builder scaleRule(ScaleRule rule) {
            this.scaleRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** Whose quantiser the paper formats use (default {@link QuantMethod#PAPER}); sets the default scale rule and ties. */
        public Builder method(QuantMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Refinement rounds of ShiftAddLLM's binary-coding fit (paper method; default 5, its README runs 50). */
        public Builder bcqRounds(int rounds) {
            if (rounds < 0) {
                throw new IllegalArgumentException("bcq rounds must be >= 0, got " + rounds);
            }
            this.bcqRounds = rounds;
            return this;
        }

        public Builder rounding(Rounding rounding) {
            this.rounding = Objects.requireNonNull(rounding, "rounding");
            return this;
        }

        public Builder scaleBits(int bits) {
            this.scaleBits = bits;
            return this;
        }

        public Builder zeroPointBits(int bits) {
            this.zeroPointBits = bits;
            return this;
        }

        public Quantizer build() {
            return new Quantizer(this);
        }
    }
}
