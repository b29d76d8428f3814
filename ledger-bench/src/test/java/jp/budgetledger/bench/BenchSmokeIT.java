package jp.budgetledger.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny run of the bench: every scenario runs against the real configuration and prints its
 * BENCH line, each with all its fields and numbers where numbers belong, and the exit code says
 * what the pass fields say (0 when every one passed, 1 when any failed). It checks the benchmark
 * works, not the targets (BENCHMARKS.md records full runs).
 */
class BenchSmokeIT {

    private static final String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?";
    private static final Pattern ANY_LINE = Pattern.compile("(?m)^BENCH .*$");
    private static final Pattern LINE = Pattern.compile("BENCH name=([a-z0-9-]+) value=(" + NUMBER + ") unit=(\\S+) baseline=(-|" + NUMBER
            + ") ratio=(-|" + NUMBER + ") target=(\\S+) pass=(true|false)");

    private record Figure(String name, double value, String baseline, String ratio, boolean pass) {
    }

    @Test
    void aTinyBenchRunPrintsEveryFigureAndExitsAsItsPassFieldsSay() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = BenchMain.run(new String[]{"--events", "2000", "--seconds", "1", "--warmup", "1", "--threads", "2", "--queries", "50",
                    "--hot-amendments", "100", "--skip", "startup"});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        List<Figure> figures = new ArrayList<>();
        Matcher lines = ANY_LINE.matcher(output);
        while (lines.find()) {
            Matcher line = LINE.matcher(lines.group());
            assertThat(line.matches()).as("every field of " + lines.group()).isTrue();
            figures.add(new Figure(line.group(1), Double.parseDouble(line.group(2)), line.group(4), line.group(5),
                    Boolean.parseBoolean(line.group(7))));
        }
        assertThat(figures).extracting(Figure::name).containsExactly("bulkload", "rebuild", "rebuild-initiative-list", "rebuild-documents",
                "rebuild-audit-log", "rebuild-temporal", "replay", "verify", "asof-p99", "hotline", "append", "append-alone", "http", "http-p99",
                "peak-rss");
        for (Figure figure : figures) {
            assertThat(figure.value()).as(figure.name()).isPositive();
            assertThat(figure.ratio().equals("-")).as("a ratio exactly where there is a baseline: " + figure).isEqualTo(figure.baseline().equals("-"));
            if (!figure.baseline().equals("-")) {
                assertThat(Double.parseDouble(figure.baseline())).as(figure.name()).isPositive();
                assertThat(Double.parseDouble(figure.ratio())).as(figure.name()).isPositive();
            }
        }
        boolean allPass = figures.stream().allMatch(Figure::pass);
        assertThat(exit).as(output).isEqualTo(allPass ? 0 : 1);
        assertThat(output).contains(allPass ? "bench: every target passed" : "bench: some targets were missed");
        assertThat(output).doesNotContain("differences").doesNotContain("verify found problems");
        if (Files.isReadable(Path.of("/proc/stat"))) {
            assertThat(output).as("the machine time of each throughput window, from Linux's /proc")
                .contains("bench: cpu of the raw insert and commit (append's baseline): ", "bench: cpu of append: ",
                        "bench: cpu of append-alone: ", "bench: cpu of the read models catching up on its ", "bench: cpu of http: ")
                .contains("bench: append's target (0.5 of ", "bench: http's target (0.7 of append) leaves ")
                .doesNotContain("PostgreSQL not on this host");
        }
    }
}
