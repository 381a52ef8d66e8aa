package io.bitforge.cli.docs;

/** The generated options block of a command's docs page: its live {@code --help} text in a text fence. */
final class OptionsBlock {
    private OptionsBlock() {
    }

    static String render(String command, String help) {
        return CommandDocsTest.BEGIN.formatted(command) + "\n```text\n" + help.stripTrailing() + "\n```\n"
                + CommandDocsTest.END;
    }

    /** The page with its block replaced by {@code block}, or the block appended under "## Options" if absent. */
    static String replace(String page, String command, String block) {
        String begin = CommandDocsTest.BEGIN.formatted(command);
        int start = page.indexOf(begin);
        if (start < 0) {
            return page.stripTrailing() + "\n\n## Options\n\n" + block + "\n";
        }
        int end = page.indexOf(CommandDocsTest.END, start);
        if (end < 0) {
            return page.substring(0, start) + block + "\n";
        }
        return page.substring(0, start) + block + page.substring(end + CommandDocsTest.END.length());
    }

    static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String left = i < a.length ? a[i] : "<end>";
            String right = i < e.length ? e[i] : "<end>";
            if (!left.equals(right)) {
                return " at line " + (i + 1) + ": page has '" + left + "', help gives '" + right + "'";
            }
        }
        return "";
    }
}
