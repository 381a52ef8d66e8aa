package io.bitforge.explore;

import io.bitforge.core.cost.Operand;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.BufferSpec;
import io.bitforge.core.spec.BufferSpecs;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.VectorUnitSpec;

import java.util.Locale;
import java.util.Optional;

/**
 * A part of a hardware spec that {@code HardwareSpecLoader} validates and builds from its own fields alone, so
 * that a design's spec can be put together part by part: a whole field ({@code node}, {@code array}), one leaf
 * whose check reads nothing else ({@code array.rows}, {@code buffers.weights.kib}), or fields the loader checks
 * together ({@code pe} with {@code dataflow}: the dataflow must be one the family supports; {@code dram} with
 * {@code mapping}: the layer-overlap cycle model needs a custom DRAM). {@link #unitOf} names the part a
 * space parameter's path writes; {@link #copy} moves that part from one spec into another.
 *
 * @param unit the part's dotted path, or {@code pe+dataflow} / {@code dram+mapping} for the joint parts
 */
record SpecPart(String unit) {
    static final String PE_AND_DATAFLOW = "pe+dataflow";
    static final String DRAM_AND_MAPPING = "dram+mapping";
    private static final java.util.List<String> OPERANDS = java.util.List.of("activations", "weights", "outputs");
    private static final java.util.List<String> BUFFER_FIELDS = java.util.List.of("kib", "banks", "portsPerBank",
            "wordBits");

    /**
     * The part a parameter at {@code path} writes, or empty when the path is not one the loader builds part by
     * part (e.g. {@code name}): such a space is built through the loader for every design.
     */
    static Optional<SpecPart> unitOf(String path) {
        String[] parts = path.split("\\.", -1);
        String head = parts[0];
        String unit = switch (head) {
            case "pe", "dataflow" -> PE_AND_DATAFLOW;
            case "dram", "mapping" -> DRAM_AND_MAPPING;
            case "node", "clockMegahertz" -> parts.length == 1 ? head : null;
            case "array" -> parts.length == 2 && (parts[1].equals("rows") || parts[1].equals("cols")) ? path
                    : "array";
            case "vectorUnit" -> parts.length == 2 && (parts[1].equals("lanes") || parts[1].equals("wordBits"))
                    ? path : "vectorUnit";
            case "buffers" -> bufferUnit(parts);
            default -> null;
        };
        return Optional.ofNullable(unit).map(SpecPart::new);
    }

    private static String bufferUnit(String[] parts) {
        if (parts.length < 2 || !OPERANDS.contains(parts[1])) {
            return "buffers";
        }
        if (parts.length == 3 && BUFFER_FIELDS.contains(parts[2])) {
            return String.join(".", parts);
        }
        return "buffers." + parts[1];
    }

    /** Whether this part contains {@code other} (itself, or a leaf of it: {@code array} holds {@code array.rows}). */
    boolean contains(SpecPart other) {
        return unit.equals(other.unit) || other.unit.startsWith(unit + ".");
    }

    /** {@code target} with this part's fields taken from {@code from}. */
    HardwareSpec copy(HardwareSpec target, HardwareSpec from) {
        String[] parts = unit.split("\\.");
        return switch (parts[0]) {
            case PE_AND_DATAFLOW -> target.withPe(from.pe()).withDataflow(from.dataflow());
            case DRAM_AND_MAPPING -> target.withDram(from.dram()).withMapping(from.mapping());
            case "node" -> target.withNode(from.node());
            case "clockMegahertz" -> target.withClockMegahertz(from.clockMegahertz());
            case "array" -> target.withArray(parts.length == 1 ? from.array()
                    : parts[1].equals("rows") ? new ArraySpec(from.array().rows(), target.array().cols())
                    : new ArraySpec(target.array().rows(), from.array().cols()));
            case "vectorUnit" -> target.withVectorUnit(parts.length == 1 ? from.vectorUnit()
                    : parts[1].equals("lanes") ? new VectorUnitSpec(from.vectorUnit().lanes(),
                    target.vectorUnit().wordBits())
                    : new VectorUnitSpec(target.vectorUnit().lanes(), from.vectorUnit().wordBits()));
            case "buffers" -> target.withBuffers(parts.length == 1 ? from.buffers() : buffers(target, from, parts));
            default -> throw new IllegalStateException("no spec part " + unit);
        };
    }

    /** The target's buffers with one buffer ({@code buffers.X}) or one of its fields ({@code buffers.X.f}) taken. */
    private static BufferSpecs buffers(HardwareSpec target, HardwareSpec from, String[] parts) {
        Operand operand = Operand.valueOf(parts[1].toUpperCase(Locale.ROOT));
        BufferSpec mine = target.buffers().of(operand);
        BufferSpec theirs = from.buffers().of(operand);
        BufferSpec replacement = parts.length == 2 ? theirs : field(mine, theirs, parts[2]);
        BufferSpecs buffers = target.buffers();
        return new BufferSpecs(operand == Operand.ACTIVATIONS ? replacement : buffers.activations(),
                operand == Operand.WEIGHTS ? replacement : buffers.weights(),
                operand == Operand.OUTPUTS ? replacement : buffers.outputs());
    }

    private static BufferSpec field(BufferSpec target, BufferSpec from, String field) {
        return switch (field) {
            case "kib" -> new BufferSpec(from.kib(), target.banks(), target.portsPerBank(), target.wordBits());
            case "banks" -> new BufferSpec(target.kib(), from.banks(), target.portsPerBank(), target.wordBits());
            case "portsPerBank" -> new BufferSpec(target.kib(), target.banks(), from.portsPerBank(),
                    target.wordBits());
            default -> new BufferSpec(target.kib(), target.banks(), target.portsPerBank(), from.wordBits());
        };
    }
}
