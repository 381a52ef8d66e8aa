package io.bitforge.core.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.Suggestions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a spec file being validated: its value, its dotted field path ({@code hardware.buffers.weights.kib})
 * and the file and line it came from, so every error reads
 * {@code hw.yaml: hardware.buffers.weights.kib: must be > 0, got -4 (line 9)}. PE families validate their own
 * {@code pe.params} with it.
 */
public final class SpecNode {
    private final JsonNode value;
    private final String file;
    private final String path;
    private final JsonPointer pointer;
    private final Map<JsonPointer, Integer> lines;

    SpecNode(JsonNode value, String file, String path, JsonPointer pointer, Map<JsonPointer, Integer> lines) {
        this.value = value;
        this.file = file;
        this.path = path;
        this.pointer = pointer;
        this.lines = lines;
    }

    /**
     * A node not read from a file (e.g. options of a command line): {@code source} names where it came from and
     * takes the place of the file in messages.
     */
    public static SpecNode detached(JsonNode value, String source, String path) {
        return new SpecNode(value, source, path, JsonPointer.empty(), Map.of());
    }

    public String path() {
        return path;
    }

    public String file() {
        return file;
    }

    public JsonNode json() {
        return value;
    }

    public boolean isMissing() {
        return value.isMissingNode() || value.isNull();
    }

    /** Line of this node in its file, when known. */
    public Optional<Integer> line() {
        Integer line = lines.get(pointer);
        return Optional.ofNullable(line);
    }

    /** A bad-input error at this node: "{@code <file>: <path>: <allowed>, got <value> (line N)}". */
    public BadInputException error(String allowed, Object got) {
        String where = file == null ? "" : file + ": ";
        String lineText = line().map(l -> " (line " + l + ")").orElse("");
        return new BadInputException(where + path + ": " + allowed + ", got " + got + lineText);
    }

    /** The value as the user wrote it, for messages. */
    public String shown() {
        if (isMissing()) {
            return "nothing";
        }
        return value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    }

    private SpecNode child(String name) {
        return new SpecNode(value.path(name), file, path + "." + name, childPointer(name), lines);
    }

    /** A required field of this object. */
    public SpecNode field(String name) {
        requireObject();
        SpecNode child = child(name);
        if (child.isMissing()) {
            String lineText = line().map(l -> " (line " + l + ")").orElse("");
            throw new BadInputException((file == null ? "" : file + ": ") + child.path
                    + ": missing; this field is required" + lineText);
        }
        return child;
    }

    /** An optional field of this object. */
    public Optional<SpecNode> optionalField(String name) {
        requireObject();
        SpecNode child = child(name);
        return child.isMissing() ? Optional.empty() : Optional.of(child);
    }

    /** This node must be an object whose field names are all among {@code allowed}. */
    public SpecNode allowOnly(String... allowed) {
        requireObject();
        Set<String> names = new LinkedHashSet<>(Arrays.asList(allowed));
        Iterator<String> fields = value.fieldNames();
        while (fields.hasNext()) {
            String name = fields.next();
            if (!names.contains(name)) {
                throw child(name).unknownField(name, names);
            }
        }
        return this;
    }

    private BadInputException unknownField(String name, Set<String> allowed) {
        String where = file == null ? "" : file + ": ";
        String lineText = line().map(l -> " (line " + l + ")").orElse("");
        String list = allowed.isEmpty() ? "none" : String.join(", ", allowed);
        return new BadInputException(where + path + ": unknown field" + Suggestions.didYouMean(name, allowed)
                + "; allowed fields here: " + list + lineText);
    }

    /** Field names of this object in file order. */
    public List<String> fieldNames() {
        requireObject();
        List<String> names = new ArrayList<>();
        value.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public SpecNode requireObject() {
        if (!value.isObject()) {
            throw error("must be a mapping of fields", shown());
        }
        return this;
    }

    public String text() {
        if (!value.isTextual() && !value.isNumber()) {
            throw error("must be text", shown());
        }
        return value.asText();
    }

    /** An integer in [min, max]. */
    public int intIn(int min, int max) {
        long v = longIn(min, max);
        return (int) v;
    }

    public long longIn(long min, long max) {
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            throw error("must be a whole number", shown());
        }
        if (!value.canConvertToLong()) {
            throw error("must be <= " + max, shown());
        }
        long v = value.asLong();
        if (v < min) {
            throw error(min == 1 ? "must be > 0" : "must be >= " + min, v);
        }
        if (v > max) {
            throw error("must be <= " + max, v);
        }
        return v;
    }

    /** A number strictly greater than zero. */
    public double positive() {
        double v = number();
        if (!(v > 0)) {
            throw error("must be > 0", value.asText());
        }
        return v;
    }

    /**
     * A number > 0 (else "must be > 0") that is also in [min, max]; {@code allowed} says that range in the error
     * message.
     */
    public double positiveIn(double min, double max, String allowed) {
        double v = positive();
        if (!(v >= min && v <= max)) {
            throw error(allowed, value.asText());
        }
        return v;
    }

    /** A number greater than or equal to zero. */
    public double nonNegative() {
        double v = number();
        if (!(v >= 0)) {
            throw error("must be >= 0", value.asText());
        }
        return v;
    }

    private double number() {
        if (!value.isNumber()) {
            throw error("must be a number", shown());
        }
        double v = value.asDouble();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw error("must be a finite number", shown());
        }
        return v;
    }

    /** A node standing for nothing (an absent optional object), with this node's location. */
    SpecNode emptyObjectChild(String name) {
        return new SpecNode(MissingNode.getInstance(), file, path + "." + name, childPointer(name), lines);
    }

    /**
     * The child's pointer, used only to look up its line; a node without line numbers (a spec built in memory, as
     * the explorer builds one per design) skips compiling it, which was a measurable share of the explorer's time.
     */
    private JsonPointer childPointer(String name) {
        return lines.isEmpty() ? pointer : pointer.appendProperty(name);
    }
}
