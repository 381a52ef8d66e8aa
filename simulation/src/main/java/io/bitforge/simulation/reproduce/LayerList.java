package io.bitforge.simulation.reproduce;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.ConvOp;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A network as a list of conv and fully connected layers, read from a CSV file (lines starting with {@code #}
 * are comments). Columns: {@code layer, kind (conv|fc), tokens, channels, height, width, filters, kernelHeight,
 * kernelWidth, stride, padHeight, padWidth} and one {@code bits.<design>} column per design: the width both
 * operands of the layer run at on that design ({@code -}: the layer is not in that design's list), or
 * {@code AxW} when activations run at A bits and weights at W (Bit Fusion's own benchmarks give a layer's input
 * and weight their own precisions; its derivatives ANT and MixPE give both one).
 *
 * <p>Lowering (the artefacts' im2col rule, hsharma35/bitfusion {@code bitfusion/src/simulator/accelerator.py}):
 * a conv is a GEMM with M = batch × output height × output width, K = kernel area × channels, N = filters; a
 * fully connected layer is M = batch × tokens, K = channels, N = filters. Outputs are typed as the artefacts'
 * front end types them: 16-bit for a conv, the layer's width for a fully connected layer.
 */
public record LayerList(String file, List<Layer> layers) {
    private static final List<String> SHAPE_COLUMNS = List.of("layer", "kind", "tokens", "channels", "height",
            "width", "filters", "kernelHeight", "kernelWidth", "stride", "padHeight", "padWidth");

    /**
     * One row; {@code bits} maps a design's column name to its activation width (0 = absent), {@code weightBits}
     * to its weight width where the cell gave one ({@code AxW}; else the weights run at {@code bits} too).
     */
    public record Layer(String name, boolean conv, long tokens, long channels, long height, long width, long filters,
                        long kernelHeight, long kernelWidth, long stride, long padHeight, long padWidth,
                        Map<String, Integer> bits, Map<String, Integer> weightBits) {

        public Layer(String name, boolean conv, long tokens, long channels, long height, long width, long filters,
                     long kernelHeight, long kernelWidth, long stride, long padHeight, long padWidth,
                     Map<String, Integer> bits) {
            this(name, conv, tokens, channels, height, width, filters, kernelHeight, kernelWidth, stride, padHeight,
                    padWidth, bits, Map.of());
        }

        /** The layer's GEMM with both operands at {@code bitsWide} for a batch of {@code batch} inputs. */
        public GemmOp gemm(long batch, int bitsWide) {
            return gemm(batch, bitsWide, bitsWide);
        }

        /** The layer's GEMM, activations at {@code activationBits} and weights at {@code weightBitsWide}. */
        public GemmOp gemm(long batch, int activationBits, int weightBitsWide) {
            Precision operand = new Precision("int" + activationBits, activationBits);
            Precision weight = new Precision("int" + weightBitsWide, weightBitsWide);
            long m;
            long k;
            if (conv) {
                ConvOp op = new ConvOp(name, height + 2 * padHeight, width + 2 * padWidth, kernelHeight, kernelWidth,
                        channels, filters, stride);
                m = Math.multiplyExact(batch, op.outputHeight() * op.outputWidth());
                k = kernelHeight * kernelWidth * channels;
            } else {
                m = Math.multiplyExact(batch, tokens);
                k = channels;
            }
            // outputs as the artefacts' front end types them (benchmarks.py create_net): a conv's output is
            // 16-bit fixed point (c_dtype FXP16), a fully connected layer's is at the layer's (activation) precision
            Precision output = conv ? new Precision("int16", 16) : operand;
            return new GemmOp(name, conv ? OpKind.CONV : OpKind.GEMM, m, k, filters, 1, operand, weight, output,
                    BOperand.WEIGHTS, 0);
        }
    }

    public static LayerList read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
        }
        return parse(lines, path.toString());
    }

    static LayerList parse(List<String> lines, String file) {
        List<String> header = null;
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split(",", -1)).stream().map(String::strip).toList();
            int lineNumber = i + 1;
            if (header == null) {
                header = cells;
                if (!header.subList(0, Math.min(header.size(), SHAPE_COLUMNS.size())).equals(SHAPE_COLUMNS)) {
                    throw new BadInputException(file + ": line " + lineNumber + ": header must start with "
                            + String.join(",", SHAPE_COLUMNS) + ", got " + line);
                }
                for (String column : header.subList(SHAPE_COLUMNS.size(), header.size())) {
                    if (!column.startsWith("bits.") || column.length() == 5) {
                        throw new BadInputException(file + ": line " + lineNumber + ": column '" + column
                                + "': precision columns must be named bits.<design>");
                    }
                }
                continue;
            }
            if (cells.size() != header.size()) {
                throw new BadInputException(file + ": line " + lineNumber + ": expected " + header.size()
                        + " cells, got " + cells.size());
            }
            layers.add(layer(header, cells, file, lineNumber));
        }
        if (header == null || layers.isEmpty()) {
            throw new BadInputException(file + ": no layers (expected a header line and at least one layer row)");
        }
        return new LayerList(file, List.copyOf(layers));
    }

    private static Layer layer(List<String> header, List<String> cells, String file, int line) {
        String kind = cells.get(1);
        if (!kind.equals("conv") && !kind.equals("fc")) {
            throw cellError(file, line, "kind", kind, "must be conv or fc");
        }
        boolean conv = kind.equals("conv");
        long channels = number(cells, 3, file, line, 1);
        long filters = number(cells, 6, file, line, 1);
        Map<String, Integer> bits = new java.util.LinkedHashMap<>();
        Map<String, Integer> weightBits = new java.util.LinkedHashMap<>();
        for (int c = SHAPE_COLUMNS.size(); c < header.size(); c++) {
            String value = cells.get(c);
            String design = header.get(c).substring(5);
            int width;
            if (value.equals("-")) {
                width = 0;
            } else if (value.contains("x")) {
                // AxW: activations at A bits, weights at W
                String[] parts = value.split("x", -1);
                if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
                    throw cellError(file, line, header.get(c), "'" + value + "'",
                            "must be a width, AxW (activation x weight bits) or -");
                }
                List<String> split = List.of(parts[0], parts[1]);
                width = (int) number(split, 0, header.get(c), file, line, 1, 64);
                weightBits.put(design, (int) number(split, 1, header.get(c), file, line, 1, 64));
            } else {
                width = (int) number(cells, c, header.get(c), file, line, 1, 64);
            }
            bits.put(design, width);
        }
        if (conv) {
            long height = number(cells, 4, file, line, 1);
            long width = number(cells, 5, file, line, 1);
            long kernelHeight = number(cells, 7, file, line, 1);
            long kernelWidth = number(cells, 8, file, line, 1);
            long stride = number(cells, 9, file, line, 1);
            long padHeight = number(cells, 10, file, line, 0);
            long padWidth = number(cells, 11, file, line, 0);
            if (kernelHeight > height + 2 * padHeight || kernelWidth > width + 2 * padWidth) {
                throw cellError(file, line, "kernelHeight", kernelHeight + "x" + kernelWidth,
                        "kernel must fit the padded input " + (height + 2 * padHeight) + "x"
                                + (width + 2 * padWidth));
            }
            return new Layer(cells.get(0), true, 1, channels, height, width, filters, kernelHeight, kernelWidth,
                    stride, padHeight, padWidth, Map.copyOf(bits), Map.copyOf(weightBits));
        }
        long tokens = number(cells, 2, file, line, 1);
        return new Layer(cells.get(0), false, tokens, channels, 0, 0, filters, 0, 0, 0, 0, 0, Map.copyOf(bits),
                Map.copyOf(weightBits));
    }

    private static long number(List<String> cells, int column, String file, int line, long min) {
        return number(cells, column, SHAPE_COLUMNS.get(column), file, line, min, Integer.MAX_VALUE);
    }

    private static long number(List<String> cells, int column, String name, String file, int line, long min,
                               long max) {
        String value = cells.get(column);
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw cellError(file, line, name, "'" + value + "'", "must be a whole number");
        }
        if (v < min || v > max) {
            throw cellError(file, line, name, v, "must be in [" + min + ", " + max + "]");
        }
        return v;
    }

    private static BadInputException cellError(String file, int line, String column, Object value, String allowed) {
        return BadInputException.field(file, "line " + line + ": " + column, value, allowed);
    }

    /** The GEMMs of the layers present in {@code design}'s list, at its widths. */
    public List<GemmOp> gemms(String design, long batch) {
        return gemms(design, batch, java.util.OptionalInt.empty());
    }

    /** The same, every present layer at {@code uniformBits} when given instead of its column's width. */
    public List<GemmOp> gemms(String design, long batch, java.util.OptionalInt uniformBits) {
        List<GemmOp> ops = new ArrayList<>();
        for (Layer layer : layers) {
            Integer bits = layer.bits().get(design);
            if (bits == null) {
                throw new BadInputException(file + ": no column bits." + design + " (columns: "
                        + layers.get(0).bits().keySet().stream().map(d -> "bits." + d).toList() + ")");
            }
            if (bits > 0) {
                int weights = layer.weightBits().getOrDefault(design, bits);
                ops.add(uniformBits.isPresent() ? layer.gemm(batch, uniformBits.getAsInt())
                        : layer.gemm(batch, bits, weights));
            }
        }
        return ops;
    }
}
