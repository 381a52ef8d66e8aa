package io.bitforge.memory.scalesim;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.InputText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a SCALE-Sim topology CSV. As in scalesim/topology_utils.py the first line is a header and is skipped,
 * blank lines are skipped, and cells are separated by commas with a trailing comma at the end of each row
 * (accepted here with or without it). A row with three numbers is a GEMM row {@code layer, M, N, K}; a row
 * with seven or eight is a convolution row {@code layer, ifmap height, ifmap width, filter height, filter
 * width, channels, filters, stride [, stride width]} (one stride means the same stride both ways). A
 * convolution whose name contains {@code DP} is depthwise: SCALE-Sim expands it into one layer per channel,
 * named {@code <name>Channel_<i>}, each with one channel.
 */
public final class TopologyParser {
    private TopologyParser() {
    }

    /** The most channels a depthwise row may expand into (one layer each). */
    static final int MAX_DEPTHWISE_CHANNELS = 65_536;

    public static List<TopologyLayer> parse(Path file) {
        return parse(file.getFileName().toString(), InputText.lines(file, "SCALE-Sim topology"));
    }

    public static List<TopologyLayer> parse(String fileName, List<String> lines) {
        List<TopologyLayer> layers = new ArrayList<>();
        int batchColumn = lines.isEmpty() ? -1 : batchColumn(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String row = lines.get(i).strip();
            if (row.isEmpty()) {
                continue;
            }
            try {
                layers.addAll(parseRow(fileName, i + 1, row, batchColumn));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(fileName + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (layers.isEmpty()) {
            throw new BadInputException(fileName + ": no layers: a topology needs a header line and at least one "
                    + "row 'layer, M, N, K' or 'layer, ifmap h, ifmap w, filter h, filter w, channels, filters, "
                    + "stride'");
        }
        return List.copyOf(layers);
    }

    /**
     * The index of a header cell naming a batch column (SCALE-Sim v3's topologies add "Batch Size" after
     * "Strides"), or −1; read by name so that it is never taken for a stride.
     */
    private static int batchColumn(String header) {
        String[] cells = header.split(",", -1);
        for (int c = 1; c < cells.length; c++) {
            if (cells[c].strip().toLowerCase(java.util.Locale.ROOT).startsWith("batch")) {
                return c;
            }
        }
        return -1;
    }

    private static List<TopologyLayer> parseRow(String file, int line, String row, int batchColumn) {
        List<String> cells = new ArrayList<>(Arrays.asList(row.split(",", -1)));
        if (cells.size() > 1 && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        if (batchColumn > 0 && batchColumn < cells.size()) {
            String batch = cells.remove(batchColumn).strip();
            if (!batch.equals("1")) {
                throw new BadInputException(file + ": line " + line + ": " + describe(cells.get(0).strip())
                        + "Batch Size: must be 1 (BitForge's SCALE-Sim mode runs one input per layer), got '"
                        + batch + "'");
            }
        }
        String name = cells.get(0).strip();
        int numbers = cells.size() - 1;
        if (numbers != 3 && numbers != 7 && numbers != 8) {
            throw new BadInputException(file + ": line " + line + ": row: must have 3 numbers (layer, M, N, K) or "
                    + "7-8 (layer, ifmap h, ifmap w, filter h, filter w, channels, filters, stride[, stride w]), "
                    + "got " + numbers + " in '" + row + "'");
        }
        String[] fields = numbers == 3 ? new String[] {"M", "N", "K"}
                : new String[] {"IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width", "Channels",
                        "Num Filter", "Stride Height", "Stride Width"};
        int[] v = new int[numbers];
        for (int c = 0; c < numbers; c++) {
            String cell = cells.get(c + 1).strip();
            try {
                v[c] = Integer.parseInt(cell);
            } catch (NumberFormatException e) {
                v[c] = 0;
            }
            if (v[c] < 1) {
                throw new BadInputException(file + ": line " + line + ": " + describe(name) + fields[c]
                        + ": must be an integer from 1 to " + Integer.MAX_VALUE + ", got '" + cell + "'");
            }
        }
        if (numbers == 3) {
            return List.of(TopologyLayer.gemm(name, v[0], v[1], v[2]));
        }
        int strideCols = numbers == 8 ? v[7] : v[6];
        if (v[2] > v[0] || v[3] > v[1]) {
            throw new BadInputException(file + ": line " + line + ": " + describe(name) + "Filter "
                    + (v[2] > v[0] ? "Height" : "Width") + ": must not exceed the IFMAP "
                    + (v[2] > v[0] ? "height " + v[0] : "width " + v[1]) + ", got " + (v[2] > v[0] ? v[2] : v[3]));
        }
        if (name.contains("DP")) {
            if (v[4] > MAX_DEPTHWISE_CHANNELS) {
                // each channel becomes a layer of its own: 2^31 of them would fill the heap before any ran
                throw new BadInputException(file + ": line " + line + ": " + describe(name) + "Channels: must be "
                        + "at most " + MAX_DEPTHWISE_CHANNELS + " in a depthwise (DP) layer, which runs one layer "
                        + "per channel, got " + v[4]);
            }
            List<TopologyLayer> channels = new ArrayList<>();
            for (int ch = 0; ch < v[4]; ch++) {
                channels.add(new TopologyLayer(name + "Channel_" + ch, v[0], v[1], v[2], v[3], 1, v[5], v[6],
                        strideCols));
            }
            return channels;
        }
        return List.of(new TopologyLayer(name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], strideCols));
    }

    /** The layer's name followed by '.', or nothing when the name cell is empty (no stray dot). */
    private static String describe(String name) {
        return name.isEmpty() ? "" : name + ".";
    }
}
