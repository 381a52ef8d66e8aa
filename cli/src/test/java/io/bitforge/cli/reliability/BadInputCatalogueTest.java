package io.bitforge.cli.reliability;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input catalogue ({@code bad-inputs.catalogue}): every row is a command line, the files it reads are made
 * here, and it must end with the row's exit code and exactly one line on stderr that starts with "bitforge: " and
 * matches the row's regex: never exit 1 for bad input, never a stack trace, never past the time bound. A row of
 * exit 0 is a large but valid input: nothing on stderr, the regex found in stdout, within the same bound.
 */
class BadInputCatalogueTest {
    /** No bad input may take longer than this to be refused (the bound is a minute). */
    static final Duration BOUND = Duration.ofSeconds(60);

    private static final Pattern ROW = Pattern.compile("^(\\d) \\| (.+?) \\| (.+)$");
    private static final Pattern EDIT = Pattern.compile("^s/(.*?)/(.*)/$");

    @TempDir
    static Path dir;

    static List<Row> rows;

    record Row(int line, int exitCode, Pattern regex, List<String> args) {
    }

    @BeforeAll
    static void makeFiles() throws IOException {
        rows = read(dir);
    }

    static List<String> catalogueLines() throws IOException {
        try (InputStream in = BadInputCatalogueTest.class.getResourceAsStream("/io/bitforge/cli/bad-inputs.catalogue")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Makes the catalogue's files in {@code folder} and returns its rows, {@code {dir}} replaced by the folder. */
    static List<Row> read(Path folder) throws IOException {
        List<String> lines = catalogueLines();
        Map<String, String> texts = new LinkedHashMap<>();
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("@file ")) {
                String[] head = line.split(" ");
                List<String> body = new ArrayList<>();
                while (!lines.get(++i).equals("@end")) {
                    body.add(lines.get(i));
                }
                String text;
                if (head.length == 4) {
                    text = texts.get(head[3]);
                    for (String edit : body) {
                        Matcher m = EDIT.matcher(edit);
                        assertTrue(m.matches() && text.contains(m.group(1)), "catalogue line " + (i + 1) + ": " + edit);
                        text = text.replace(m.group(1), m.group(2).replace("\\n", "\n"));
                    }
                } else {
                    text = body.isEmpty() ? "" : String.join("\n", body) + "\n";
                }
                texts.put(head[1], text);
                Files.writeString(folder.resolve(head[1]), text);
            } else if (line.startsWith("@safetensors ")) {
                String[] parts = line.split(" ");
                Files.write(folder.resolve(parts[1]), safetensors(parts[2], List.of(parts).subList(3, parts.length)));
            } else if (line.startsWith("@dir ")) {
                Files.createDirectories(folder.resolve(line.substring(5)));
            } else if (line.startsWith("@bytes ")) {
                String[] parts = line.split(" ");
                Files.write(folder.resolve(parts[1]), HexFormat.of().parseHex(parts[2]));
            } else {
                Matcher m = ROW.matcher(line);
                if (m.matches()) {
                    List<String> args = Stream.of(m.group(3).split(" "))
                            .map(a -> a.equals("{empty}") ? "" : a.replace("{dir}", folder.toString())).toList();
                    result.add(new Row(i + 1, Integer.parseInt(m.group(1)), Pattern.compile(m.group(2)), args));
                }
            }
        }
        return result;
    }

    /** A safetensors file: 8-byte little-endian header length, the JSON header, little-endian F32 values. */
    static byte[] safetensors(String header, List<String> values) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 4 * values.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        values.forEach(v -> b.putFloat(Float.parseFloat(v)));
        return b.array();
    }

    @TestFactory
    Stream<DynamicTest> everyRowEndsWithItsExitCodeAndOneLine() {
        assertTrue(rows.size() >= 150, "the catalogue must have at least 150 rows, has " + rows.size());
        return rows.stream().map(row -> DynamicTest.dynamicTest("line " + row.line() + ": " + String.join(" ",
                row.args()).replace(dir.toString(), "{dir}"), () -> check(row)));
    }

    private static void check(Row row) {
        CliHarness.Result r = assertTimeoutPreemptively(BOUND, () -> CliHarness.run(row.args().toArray(String[]::new)));
        List<String> lines = r.stderr().lines().toList();
        String shown = "exit " + r.exitCode() + ", stderr:\n" + r.stderr();
        assertEquals(row.exitCode(), r.exitCode(), shown);
        if (row.exitCode() == 0) { // a large but valid input: it finishes within the bound, silently
            assertEquals("", r.stderr(), shown);
            assertTrue(row.regex().matcher(r.stdout()).find(), "expected /" + row.regex() + "/ in stdout:\n"
                    + r.stdout());
            return;
        }
        assertEquals(1, lines.size(), "one line on stderr; " + shown);
        assertTrue(lines.get(0).startsWith("bitforge: "), shown);
        assertFalse(lines.get(0).contains("internal error") || lines.get(0).contains("Exception"), shown);
        assertTrue(row.regex().matcher(lines.get(0)).find(), "expected /" + row.regex() + "/; " + shown);
    }
}
