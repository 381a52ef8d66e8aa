package io.bitforge.explore.spark;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every option docs/spark.md quotes is one the Spark job takes, or one of the few it names from elsewhere. */
class SparkDocsTest {
    /**
     * Quoted but not the job's: spark-submit's own ({@code --class}), the JVM's ({@code --add-opens}), and the
     * explore command's engine choice and thread count (checked against {@code bitforge explore --help} by the cli's
     * CommandDocsTest).
     */
    private static final Set<String> ELSEWHERE = Set.of("--class", "--add-opens", "--engine", "--threads");

    @Test
    void theQuotedOptionsExist() throws Exception {
        Set<String> options = new TreeSet<>(ELSEWHERE);
        new CommandLine(new SparkExploreMain(System.out)).getCommandSpec().options()
                .forEach(option -> options.addAll(List.of(option.names())));
        String page = Files.readString(Path.of("..", "docs", "spark.md"));
        Matcher quoted = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]*)").matcher(page);
        List<String> seen = new ArrayList<>();
        while (quoted.find()) {
            seen.add(quoted.group(1));
            assertTrue(options.contains(quoted.group(1)), quoted.group(1) + " is quoted in docs/spark.md but the "
                    + "Spark job has no such option");
        }
        assertTrue(seen.containsAll(List.of("--space", "--out", "--resume", "--master", "--chunk", "--parquet")),
                seen.toString());
        assertTrue(page.contains(SparkExploreMain.class.getName()), "the spark-submit example names the main class");
    }
}
