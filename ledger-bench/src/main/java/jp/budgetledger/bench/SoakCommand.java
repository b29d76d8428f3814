package jp.budgetledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.config.DatabaseSecrets;
import jp.budgetledger.app.config.EmbeddedDatabaseRoles;
import jp.budgetledger.app.config.LedgerProperties;
import jp.budgetledger.app.eventstore.StoredEvents;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ledger-bench.jar soak [--minutes 30] [--rate 20]}: the ledger under a fixed-rate open-loop mixed load over HTTP
 * (lines added and amended, totals, the 款項目 tree, departments and the current-budget report read, the audit verified
 * once a row) on a fresh embedded PostgreSQL, started in this JVM. Every row (a minute by default) it prints and writes
 * to CSV the requests, errors, latency percentiles (from each request's intended start, so a stall is not hidden),
 * heap used after a full GC and the process's RSS; at the end a verdict. Exit code 0 when there was no error and no
 * growth above the thresholds, 1 otherwise, 3 when it refuses to run ({@link FreshStore}).
 */
@Command(name = "soak", mixinStandardHelpOptions = true, description = "Fixed-rate mixed load for a while; prints a row per interval and a verdict.")
class SoakCommand implements Callable<Integer> {

    static final String ROW_HEADER = "SOAK minute requests errors rejected p50_ms p95_ms p99_ms max_ms verify_ms heap_after_gc_mib rss_mib";

    /** A duration as ISO-8601 ({@code PT20S}) or a whole number of minutes. */
    static final class Minutes implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value.matches("\\d+") ? Duration.ofMinutes(Long.parseLong(value)) : Duration.parse(value);
        }
    }

    @Option(names = "--minutes", description = "how long the load runs: minutes, or an ISO-8601 duration such as PT20S (default 30)",
            defaultValue = "30", converter = Minutes.class)
    Duration length;

    @Option(names = "--rate", description = "requests per second, started on schedule whatever the answers take (default 20)", defaultValue = "20")
    double rate;

    @Option(names = "--row", description = "the interval of a row (default PT1M)", defaultValue = "PT1M", converter = Minutes.class)
    Duration row;

    @Option(names = "--warmup-rows", description = "rows left out of the growth comparison at the start (default 2)", defaultValue = "2")
    int warmupRows;

    @Option(names = "--callers", description = "threads sending the scheduled requests (default 16)", defaultValue = "16")
    int callers;

    @Option(names = "--csv", description = "the rows as CSV (default target/soak.csv)", defaultValue = "target/soak.csv")
    Path csv;

    @Option(names = "--max-heap-growth", description = "MiB the post-GC heap may grow, last third of the rows against the first (default 64)",
            defaultValue = "64")
    double maxHeapGrowth;

    @Option(names = "--max-rss-growth", description = "MiB the RSS may grow, last third against the first (default 128)", defaultValue = "128")
    double maxRssGrowth;

    @Option(names = "--max-p99-drift", description = "the largest ratio of the last third's p99 to the first's (default 2.0)", defaultValue = "2.0")
    double maxP99Drift;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    private static final int FIRST_YEAR = 2265;
    private static final int YEARS = 6;
    private static final String PACKAGED_CONFIGURATION = "optional:classpath:/,optional:classpath:/config/";

    record Row(int minute, long requests, long errors, long rejected, double p50, double p95, double p99, double max, double verifyMs,
               double heapMiB, double rssMiB) {
        String line() {
            return String.format(Locale.ROOT, "SOAK %d %d %d %d %.1f %.1f %.1f %.1f %.0f %.1f %.1f", minute, requests, errors, rejected, p50, p95,
                    p99, max, verifyMs, heapMiB, rssMiB);
        }
    }

    private PrintStream out;

    @Override
    public Integer call() throws Exception {
        out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var foreign = FreshStore.foreignSetting(springArguments, System.getenv(), System.getProperties());
        if (foreign.isPresent()) {
            System.err.println(new FreshStore.RefusedException(foreign.get()).getMessage());
            return BenchCommand.REFUSED;
        }
        System.setProperty("http.maxConnections", Integer.toString(callers));
        Path data = Files.createTempDirectory("ledger-soak-");
        List<String> arguments = new ArrayList<>(springArguments);
        arguments.addAll(List.of("--spring.config.location=" + PACKAGED_CONFIGURATION, "--ledger.data-dir=" + data, "--server.port=0",
                "--ledger.sample.load=false", "--logging.level.root=WARN", "--logging.level.jp.budgetledger=WARN"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false).run(arguments.toArray(String[]::new))) {
            ensureFresh(context, data);
            return new Load(((WebServerApplicationContext) context).getWebServer().getPort(), data).run();
        } catch (FreshStore.RefusedException e) {
            System.err.println(e.getMessage());
            return BenchCommand.REFUSED;
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
    }

    private static void ensureFresh(ConfigurableApplicationContext context, Path data) {
        JdbcClient superuser = JdbcClient.create(new DriverManagerDataSource(
                EmbeddedDatabaseRoles.jdbcUrl(context.getBean(EmbeddedPostgres.class).getPort()), EmbeddedDatabaseRoles.SUPERUSER,
                DatabaseSecrets.of(context.getBean(LedgerProperties.class).dataDir()).password(EmbeddedDatabaseRoles.SUPERUSER)));
        String dataDirectory = superuser.sql("SHOW data_directory").query(String.class).single();
        FreshStore.problem(data, dataDirectory, context.getBean(StoredEvents.class).head()).ifPresent(problem -> {
            throw new FreshStore.RefusedException(problem);
        });
    }

    /** The outcome of one request: an error is a failure to answer or any status but 2xx and the expected 409/412/422. */
    private enum Outcome { OK, REJECTED, ERROR }

    private final class Load {
        private final int port;
        private final String officer;
        private final String auditor;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final AtomicLong names = new AtomicLong();
        private final Random random = new Random(24);
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

        Load(int port, Path data) throws IOException {
            this.port = port;
            List<String> credentials = Files.readAllLines(data.resolve("demo-credentials.txt"));
            this.officer = basic(credentials, "officer");
            this.auditor = basic(credentials, "auditor");
        }

        private static String basic(List<String> credentials, String user) {
            String password = credentials.stream().filter(l -> l.startsWith(user + " ")).findFirst().orElseThrow().substring(user.length() + 1);
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        int run() throws Exception {
            for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
                for (int i = 0; i < 5; i++) {
                    if (addLine(year) != Outcome.OK) {
                        throw new IllegalStateException("soak: the seed lines could not be added: " + firstErrors);
                    }
                }
            }
            errors.set(0);
            out.printf(Locale.ROOT, "soak: %.1f requests/s for %s, a row every %s, %d callers; rows in %s%n", rate, length, row, callers,
                    csv.toAbsolutePath());
            out.println(ROW_HEADER);
            if (csv.toAbsolutePath().getParent() != null) {
                Files.createDirectories(csv.toAbsolutePath().getParent());
            }
            List<Row> rows = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            ExecutorService closer = Executors.newSingleThreadExecutor();
            try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(ROW_HEADER.substring(5).split(" ")).get())) {
                long period = (long) (1e9 / rate);
                long start = System.nanoTime();
                long end = start + length.toNanos();
                long rowEnd = start + row.toNanos();
                long next = start;
                int minute = 1;
                try {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= rowEnd || now >= end) {
                            Figures figures = new Figures(minute++, drainLatencies(), errors.getAndSet(0), rejected.getAndSet(0));
                            closer.execute(() -> {
                                Row finished = finishRow(figures);
                                rows.add(finished);
                                out.println(finished.line());
                                try {
                                    printer.printRecord(finished.minute(), finished.requests(), finished.errors(), finished.rejected(), finished.p50(),
                                            finished.p95(), finished.p99(), finished.max(), finished.verifyMs(), finished.heapMiB(), finished.rssMiB());
                                    printer.flush();
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            });
                            if (now >= end) {
                                break;
                            }
                            rowEnd += row.toNanos();
                            continue;
                        }
                        if (now < next) {
                            TimeUnit.NANOSECONDS.sleep(Math.min(next - now, rowEnd - now));
                            continue;
                        }
                        long intended = next;
                        next += period;
                        pool.execute(() -> {
                            Outcome outcome = mixed();
                            latencies.add(System.nanoTime() - intended);
                            count(outcome);
                        });
                    }
                } finally {
                    pool.shutdown();
                    pool.awaitTermination(1, TimeUnit.MINUTES);
                    closer.shutdown();
                    closer.awaitTermination(5, TimeUnit.MINUTES);
                }
            }
            long totalErrors = rows.stream().mapToLong(Row::errors).sum() + errors.getAndSet(0);
            return verdict(rows, totalErrors);
        }

        /** What the scheduler hands over when a row ends: the row's latencies and counts. */
        private record Figures(int minute, long[] sorted, long errors, long rejected) {
        }

        private long[] drainLatencies() {
            List<Long> taken = new ArrayList<>();
            for (Long latency; (latency = latencies.poll()) != null; ) {
                taken.add(latency);
            }
            return taken.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        private void count(Outcome outcome) {
            if (outcome == Outcome.ERROR) {
                errors.incrementAndGet();
            } else if (outcome == Outcome.REJECTED) {
                rejected.incrementAndGet();
            }
        }

        /**
         * Closes a row off the scheduler's thread, so that requests keep their schedule: an audit
         * verification (timed on its own; a failure counts as an error of the next row), then the heap
         * after a full GC and the RSS.
         */
        private Row finishRow(Figures figures) {
            long verifyStarted = System.nanoTime();
            count(call("POST", "/api/audit/verify", auditor, "{}", "\"verified\":true"));
            double verifyMs = (System.nanoTime() - verifyStarted) / 1e6;
            long[] sorted = figures.sorted();
            System.gc();
            double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
            return new Row(figures.minute(), sorted.length, figures.errors(), figures.rejected(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, verifyMs, heap, rssMiB());
        }

        /** One request of the mix: 15 % additions, 35 % amendments, 20 % totals, 10 % the tree, 10 % departments, 10 % the report. */
        private Outcome mixed() {
            int pick;
            int year;
            String line;
            synchronized (random) {
                pick = random.nextInt(100);
                year = FIRST_YEAR + random.nextInt(YEARS);
                line = lines.get(random.nextInt(lines.size()));
            }
            if (pick < 15) {
                return addLine(year);
            }
            if (pick < 50) {
                return call("POST", "/api/initiatives/" + line + "/amendments", officer, "{\"deltaYen\": 1000, \"reason\": \"補正\"}", null);
            }
            if (pick < 70) {
                return call("GET", "/api/totals?fiscalYear=" + year, officer, null, null);
            }
            if (pick < 80) {
                return call("GET", "/api/totals/tree?fiscalYear=" + year, officer, null, null);
            }
            if (pick < 90) {
                return call("GET", "/api/totals/departments?fiscalYear=" + year, officer, null, null);
            }
            return call("GET", "/api/reports/current-budget?fiscalYear=" + year + "&level=line", officer, null, null);
        }

        private Outcome addLine(int year) {
            long n = names.incrementAndGet();
            String body = String.format(Locale.ROOT, "{\"fiscalYear\": %d, \"categoryCode\": \"%d\", \"categoryName\": \"分類%d\", \"department\": "
                    + "\"部局%d\", \"name\": \"事業%d\", \"amountYen\": 10000000, \"reason\": \"当初予算\"}", year, 1 + n % 5, 1 + n % 5, n % 12, n);
            String[] id = new String[1];
            Outcome outcome = call("POST", "/api/initiatives", officer, body, null, answer -> {
                int at = answer.indexOf("\"id\":\"");
                if (at >= 0) {
                    id[0] = answer.substring(at + 6, answer.indexOf('"', at + 6));
                }
            });
            if (outcome == Outcome.OK && id[0] != null) {
                lines.add(id[0]);
            }
            return outcome;
        }

        private Outcome call(String method, String path, String authorization, String body, String expected) {
            return call(method, path, authorization, body, expected, answer -> { });
        }

        private Outcome call(String method, String path, String authorization, String body, String expected,
                             java.util.function.Consumer<String> reader) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
                connection.setConnectTimeout(10_000);
                connection.setReadTimeout(120_000);
                connection.setRequestMethod(method);
                connection.setRequestProperty("Authorization", authorization);
                if (body != null) {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    connection.setDoOutput(true);
                    connection.setRequestProperty("Content-Type", "application/json");
                    connection.setFixedLengthStreamingMode(bytes.length);
                    try (var stream = connection.getOutputStream()) {
                        stream.write(bytes);
                    }
                }
                int status = connection.getResponseCode();
                var stream = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                String answer = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                if (stream != null) {
                    stream.close();
                }
                if (status / 100 == 2 && (expected == null || answer.contains(expected))) {
                    reader.accept(answer);
                    return Outcome.OK;
                }
                if (status == 409 || status == 412 || status == 422) {
                    return Outcome.REJECTED;
                }
                note(method + " " + path + ": HTTP " + status + " " + answer.substring(0, Math.min(300, answer.length())));
                return Outcome.ERROR;
            } catch (IOException | RuntimeException e) {
                note(method + " " + path + ": " + e);
                return Outcome.ERROR;
            }
        }

        private void note(String error) {
            if (firstErrors.size() < 10) {
                firstErrors.add(error);
                System.err.println("soak: error: " + error);
            }
        }
    }

    /** Prints the verdict; 0 when there was no error and every growth is within its threshold. */
    private int verdict(List<Row> rows, long totalErrors) {
        List<Row> measured = rows.size() > warmupRows ? rows.subList(warmupRows, rows.size()) : rows;
        int third = Math.max(1, measured.size() / 3);
        List<Row> first = measured.subList(0, third);
        List<Row> last = measured.subList(measured.size() - third, measured.size());
        double heapGrowth = mean(last, Row::heapMiB) - mean(first, Row::heapMiB);
        double rssGrowth = mean(last, Row::rssMiB) - mean(first, Row::rssMiB);
        double p99First = mean(first, Row::p99);
        double p99Drift = p99First == 0 ? 1 : mean(last, Row::p99) / p99First;
        double slope = slope(measured);
        long requests = rows.stream().mapToLong(Row::requests).sum();
        boolean pass = totalErrors == 0 && heapGrowth <= maxHeapGrowth && rssGrowth <= maxRssGrowth && p99Drift <= maxP99Drift;
        out.printf(Locale.ROOT, "SOAK-VERDICT requests=%d errors=%d heap_growth_mib=%.1f heap_slope_mib_per_hour=%.1f rss_growth_mib=%.1f "
                        + "p99_drift=%.2f thresholds=errors:0,heap:%.0f,rss:%.0f,p99:%.1f compared=rows %d-%d vs %d-%d pass=%s%n",
                requests, totalErrors, heapGrowth, slope, rssGrowth, p99Drift, maxHeapGrowth, maxRssGrowth, maxP99Drift,
                first.get(0).minute(), first.get(first.size() - 1).minute(), last.get(0).minute(), last.get(last.size() - 1).minute(), pass);
        return pass ? 0 : 1;
    }

    private static double mean(List<Row> rows, java.util.function.ToDoubleFunction<Row> field) {
        return rows.stream().mapToDouble(field).average().orElse(0);
    }

    /** Least-squares slope of the post-GC heap over the rows, in MiB per hour. */
    private double slope(List<Row> rows) {
        if (rows.size() < 2) {
            return 0;
        }
        double meanX = rows.stream().mapToDouble(Row::minute).average().orElse(0);
        double meanY = mean(rows, Row::heapMiB);
        double num = 0;
        double den = 0;
        for (Row r : rows) {
            num += (r.minute() - meanX) * (r.heapMiB() - meanY);
            den += (r.minute() - meanX) * (r.minute() - meanX);
        }
        return num / den * (Duration.ofHours(1).toNanos() / (double) row.toNanos());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static double rssMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1) / 1024.0;
        } catch (IOException e) {
            return -1;
        }
    }
}
