package io.bitforge.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reading input text files with messages a user can act on: a missing file, a folder, a file that is not UTF-8
 * (instead of "Input length = 1"), and YAML/JSON syntax errors that name the field being read and its line
 * (instead of a bare "Malformed numeric value '.nan'").
 */
public final class InputText {
    private InputText() {
    }

    /** The file's text; {@code what} says what it should be ("hardware spec", "SCALE-Sim config"). */
    public static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text; a " + what + " must be a UTF-8 text file", e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file; expected a " + what, e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the " + what + ": " + (Files.isDirectory(file)
                    ? "it is a folder" : e.getMessage()), e);
        }
    }

    /** The file's lines (see {@link #read}). */
    public static List<String> lines(Path file, String what) {
        return read(file, what).lines().toList();
    }

    /** "FILE: line N: FIELD: PROBLEM" for a YAML/JSON syntax error, the field taken from the parser's position. */
    public static BadInputException syntaxError(String fileName, JsonProcessingException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        String field = e.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "";
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String problem = original.startsWith("Malformed numeric value")
                ? "must be a finite number (.nan and .inf are not allowed), got " + original.substring(
                        original.indexOf('\'') < 0 ? original.length() : original.indexOf('\''))
                : "not valid YAML/JSON: " + original;
        return new BadInputException(fileName + (line > 0 ? ": line " + line : "") + (field.isEmpty() ? ""
                : ": " + field) + ": " + problem, e);
    }

    /** The dotted path of the field the parser is in, with [i] for array elements. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }
}
