package jp.budgetledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.app.audit.LiteralReplay;
import jp.budgetledger.app.audit.StoreVerifier;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.config.DatabaseSecrets;
import jp.budgetledger.app.config.EmbeddedDatabaseRoles;
import jp.budgetledger.app.config.LedgerJson;
import jp.budgetledger.app.config.LedgerProperties;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.bench.history.HistoryLoader;
import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.domain.InitiativeRegistry;
import jp.budgetledger.core.domain.SubjectTable;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.temporal.Moment;
import jp.budgetledger.projections.temporal.TemporalQueries;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.UUID;

/**
 * {@code ledger-bench.jar [--events N] [--seconds S] [--warmup S]}: the ledger's benchmark. Starts the real
 * configuration on a fresh embedded PostgreSQL in a new directory of its own, measures each scenario next to a
 * baseline measured in the same run on the same database, and prints one {@code BENCH} line per figure. Exit
 * code 0 when every target passes, 1 when one is missed, 3 when it refuses to run because the database could be
 * another one than its own ({@link FreshStore}), having written nothing.
 */
@Command(name = "ledger-bench.jar", mixinStandardHelpOptions = true, subcommands = SoakCommand.class, description = "Run the benchmark scenarios and print BENCH lines."
        + " Spring properties (--name=value) may follow, except those that choose the database or the configuration files.")
class BenchCommand implements Callable<Integer> {

    static final int REFUSED = 3;

    private static final int EVENTS_PER_LINE = 100;
    /** The history's first fiscal year: years that have not ended, whose lines the fiscal years' gate lets one add and amend. */
    private static final int FIRST_YEAR = 2138;

    @Option(names = "--events", description = "events of history (default 1,000,000)", defaultValue = "1000000")
    long events;

    @Option(names = "--seconds", description = "duration of the throughput scenarios (default 20)", defaultValue = "20")
    int seconds;

    @Option(names = "--warmup", description = "the same load, not counted, before each throughput scenario and its baseline, "
            + "so that the JIT has compiled the path measured (default 40 s)", defaultValue = "40")
    int warmup;

    @Option(names = "--threads", description = "concurrent callers (default 8)", defaultValue = "8")
    int threads;

    @Option(names = "--queries", description = "as-of queries (default 10,000)", defaultValue = "10000")
    int queries;

    @Option(names = "--hot-amendments", description = "amendments on the hot line (default 10,000)", defaultValue = "10000")
    int hotAmendments;

    @Option(names = "--skip", split = ",", description = "scenarios to leave out: startup, rebuild, rebuild-each, replay, verify, asof, hotline, append, append-alone, http (both need append)")
    Set<String> skip = Set.of();

    @Option(names = "--keep", description = "keep the run's data directory (its database) instead of deleting it at the end")
    boolean keep;

    @Option(names = "--app-jar", description = "the product's ledger-app.jar, started as a separate process for the startup scenario "
            + "(default: ledger-app/target/ledger-app.jar next to this jar's module, if there)")
    Path appJar;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    private final List<String> lines = new ArrayList<>();
    private boolean allPass = true;
    private PrintStream out;

    @Override
    public Integer call() throws Exception {
        out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var foreign = FreshStore.foreignSetting(springArguments, System.getenv(), System.getProperties());
        if (foreign.isPresent()) {
            System.err.println(new FreshStore.RefusedException(foreign.get()).getMessage());
            return REFUSED;
        }
        System.setProperty("http.maxConnections", Integer.toString(threads));
        Path data = Files.createTempDirectory("ledger-bench-");
        out.printf("bench: %,d events of history, %d s per throughput run, %d callers, data in %s%n", events, seconds, threads, data);
        if (!skip.contains("startup")) {
            startup();
        }
        List<String> arguments = new ArrayList<>(springArguments);
        arguments.addAll(List.of("--spring.config.location=" + PACKAGED_CONFIGURATION, "--ledger.data-dir=" + data, "--server.port=0", "--ledger.sample.load=false",
                "--logging.level.root=WARN", "--logging.level.jp.budgetledger=WARN"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false).run(arguments.toArray(String[]::new))) {
            new Run(context, data).all();
        } catch (FreshStore.RefusedException e) {
            System.err.println(e.getMessage());
            return REFUSED;
        } finally {
            if (!keep) {
                FileSystemUtils.deleteRecursively(data);
            }
        }
        out.printf("BENCH name=peak-rss value=%d unit=MiB baseline=- ratio=- target=- pass=true%n", peakRssMiB());
        out.println(allPass ? "bench: every target passed" : "bench: some targets were missed");
        return allPass ? 0 : 1;
    }

    /** Only the configuration packaged in the product: no application.yml of the working directory can choose another database. */
    private static final String PACKAGED_CONFIGURATION = "optional:classpath:/,optional:classpath:/config/";

    private void report(String name, double value, String unit, Double baseline, String target, boolean pass) {
        String line = String.format(Locale.ROOT, "BENCH name=%s value=%.1f unit=%s baseline=%s ratio=%s target=%s pass=%s", name, value, unit,
                baseline == null ? "-" : String.format(Locale.ROOT, "%.1f", baseline),
                baseline == null ? "-" : String.format(Locale.ROOT, "%.2f", value / baseline), target, pass);
        allPass &= pass;
        lines.add(line);
        out.println(line);
    }

    private static long peakRssMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Cold (empty data directory) and warm start of the main job, as a separate process, until health is UP. */
    private void startup() throws Exception {
        Path jar = appJar != null ? appJar : besideOwnJar();
        if (jar == null || !Files.isRegularFile(jar)) {
            out.println("bench: startup skipped (pass --app-jar ledger-app/target/ledger-app.jar to measure it)");
            return;
        }
        Path data = Files.createTempDirectory("ledger-bench-startup-");
        double cold;
        double warm;
        try {
            cold = timeStart(jar, data);
            warm = timeStart(jar, data);
        } finally {
            FileSystemUtils.deleteRecursively(data);
        }
        report("startup-cold", cold, "s", null, "<=15", cold <= 15);
        report("startup-warm", warm, "s", null, "<=8", warm <= 8);
    }

    /** {@code ledger-app/target/ledger-app.jar} of the same build, when this runs from {@code ledger-bench/target/ledger-bench.jar}. */
    private static Path besideOwnJar() {
        String command = System.getProperty("sun.java.command", "");
        String first = command.split(" ")[0];
        if (!first.endsWith(".jar") || !Files.exists(Path.of(first))) {
            return null;
        }
        Path module = Path.of(first).toAbsolutePath().normalize().getParent().getParent();
        return module.resolveSibling("ledger-app").resolve("target").resolve("ledger-app.jar");
    }

    private double timeStart(Path jar, Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--ledger.data-dir=" + data, "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(data.resolve("startup.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            while (true) {
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() - started > Duration.ofMinutes(2).toNanos()) {
                    throw new IllegalStateException("the ledger did not start within 2 minutes; see " + data.resolve("startup.log"));
                }
                Thread.sleep(50);
            }
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** The scenarios run against one started ledger. */
    private final class Run {
        private final ConfigurableApplicationContext context;
        private final Path data;
        private final JdbcClient jdbc;
        private final JdbcClient superuser;
        private final JdbcTemplate jdbcTemplate;
        private final DataSource dataSource;
        private final ProjectionProgress progress;
        private final int years;
        private final MachineTime machineTime;
        private final Map<String, MachineTime.Cost> costs = new HashMap<>();
        private final HistoryLoader loader;

        Run(ConfigurableApplicationContext context, Path data) {
            this.context = context;
            this.data = data;
            this.jdbc = context.getBean(JdbcClient.class);
            this.superuser = JdbcClient.create(new DriverManagerDataSource(
                    EmbeddedDatabaseRoles.jdbcUrl(context.getBean(EmbeddedPostgres.class).getPort()), EmbeddedDatabaseRoles.SUPERUSER,
                    DatabaseSecrets.of(context.getBean(LedgerProperties.class).dataDir()).password(EmbeddedDatabaseRoles.SUPERUSER)));
            this.jdbcTemplate = context.getBean(JdbcTemplate.class);
            this.dataSource = context.getBean(DataSource.class);
            this.progress = context.getBean(ProjectionProgress.class);
            this.years = (int) Math.max(1, Math.min(10, events / (EVENTS_PER_LINE * 100L)));
            String dataDirectory = superuser.sql("SHOW data_directory").query(String.class).single();
            FreshStore.problem(data, dataDirectory, head()).ifPresent(problem -> {
                throw new FreshStore.RefusedException(problem);
            });
            this.machineTime = MachineTime.forBackend(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single(), dataDirectory);
            this.loader = new HistoryLoader(context.getBean(EventStore.class), context.getBean(InitiativeRegistry.class),
                    context.getBean(SubjectTable.class), context.getBean(TransactionTemplate.class), progress, context.getBean(StoredEvents.class));
        }

        void all() throws Exception {
            bulkload();
            catchUp("after the bulk load");
            if (!skip.contains("rebuild")) {
                rebuild();
            }
            if (!skip.contains("replay") || !skip.contains("verify")) {
                double scan = rawScan();
                if (!skip.contains("replay")) {
                    replay(scan);
                }
                if (!skip.contains("verify")) {
                    verify(scan);
                }
            }
            if (!skip.contains("asof")) {
                asof();
            }
            if (!skip.contains("hotline")) {
                hotline();
            }
            if (!skip.contains("append")) {
                double append = append();
                if (!skip.contains("http")) {
                    catchUp("after the append scenario");
                    http(append);
                }
            }
        }

        private long head() {
            return context.getBean(StoredEvents.class).head();
        }

        /** Waits for every read model to reach the store's head; prints the time they all took and each one's. */
        private void catchUp(String when) {
            long started = System.nanoTime();
            long head = head();
            long deadline = started + Duration.ofMinutes(60).toNanos();
            Map<String, Long> reached = new LinkedHashMap<>();
            while (reached.size() < ProjectionNames.ALL.size()) {
                for (String name : ProjectionNames.ALL) {
                    if (!reached.containsKey(name)) {
                        OptionalLong position = progress.position(name);
                        if (position.isPresent() && position.getAsLong() >= head) {
                            reached.put(name, System.nanoTime() - started);
                        }
                    }
                }
                if (reached.size() < ProjectionNames.ALL.size()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the projections did not catch up " + when);
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted waiting for the projections " + when, e);
                    }
                }
            }
            out.printf(Locale.ROOT, "bench: projections caught up %s in %.1f s (%s)%n", when, (System.nanoTime() - started) / 1e9,
                    reached.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1e9))
                            .collect(Collectors.joining(", ")));
        }

        /** History: lines of EVENTS_PER_LINE events each (the addition and its amendments), spread over fiscal years. */
        private Iterator<HistoryLoader.PastLine> history(long total, String prefix) {
            long lineCount = Math.max(1, total / EVENTS_PER_LINE);
            return new Iterator<>() {
                long next = 0;

                @Override
                public boolean hasNext() {
                    return next < lineCount;
                }

                @Override
                public HistoryLoader.PastLine next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    long n = next++;
                    FiscalYear year = FiscalYear.of(FIRST_YEAR + (int) (n % years));
                    List<HistoryLoader.PastChange> changes = new ArrayList<>(EVENTS_PER_LINE - 1);
                    LocalDate day = year.firstDay();
                    for (int i = 1; i < EVENTS_PER_LINE; i++) {
                        day = year.firstDay().plusDays(i * 3L);
                        changes.add(new HistoryLoader.PastChange(day, Money.ofYen(i % 2 == 0 ? 5_000 : -3_000), "補正", "議案第" + i + "号"));
                    }
                    return new HistoryLoader.PastLine(InitiativeId.of(prefix + n), year, new Category(Long.toString(1 + n % 5), "分類" + (1 + n % 5)),
                            Department.of("部局" + (n % 12)), "事業" + n, "過去の予算", Money.ofYen(10_000_000), ChangeContext.of("当初予算"), changes);
                }
            };
        }

        /**
         * A scratch table for the raw baselines: the event table's columns, keys and indexes (an
         * insert into the event store pays for those whatever writes it), its own sequence; or,
         * for comparison, the same columns with only a primary key. Made by the database superuser
         * (the service's role may not create tables), written by the service's role as events are.
         */
        private void createRawTable(String name, boolean eventTableIndexes) {
            if (eventTableIndexes) {
                superuser.sql("CREATE SEQUENCE " + name + "_seq").update();
                superuser.sql("CREATE TABLE " + name + " (LIKE domainevententry INCLUDING INDEXES)").update();
                superuser.sql("ALTER TABLE " + name + " ALTER COLUMN globalIndex SET DEFAULT nextval('" + name + "_seq')").update();
                superuser.sql("GRANT USAGE ON SEQUENCE " + name + "_seq TO " + EmbeddedDatabaseRoles.SERVICE).update();
            } else {
                superuser.sql("CREATE TABLE " + name + " (LIKE domainevententry)").update();
                superuser.sql("ALTER TABLE " + name + " ALTER COLUMN globalIndex ADD GENERATED ALWAYS AS IDENTITY").update();
                superuser.sql("ALTER TABLE " + name + " ADD PRIMARY KEY (globalIndex)").update();
            }
            superuser.sql("GRANT SELECT, INSERT ON " + name + " TO " + EmbeddedDatabaseRoles.SERVICE).update();
        }

        private void dropRawTable(String name) {
            superuser.sql("DROP TABLE " + name).update();
            superuser.sql("DROP SEQUENCE IF EXISTS " + name + "_seq").update();
        }

        private static final String RAW_INSERT = " (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
                + "payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

        /** The parameters of {@link #RAW_INSERT}: an event-sized row of a new event identifier. */
        private static void bindRawRow(PreparedStatement insert, String aggregate, long sequence, String payloadType, byte[] payload,
                                       byte[] metadata) throws SQLException {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, "Initiative");
            insert.setString(5, "2026-11-26T00:00:00.000Z");
            insert.setString(6, payloadType);
            insert.setString(7, null);
            insert.setBytes(8, payload);
            insert.setBytes(9, metadata);
        }

        /** Raw JDBC batch insert of {@code rows} event-sized rows, committed every batch of the bulk path. */
        private double rawBatchInsert(String table, long rows) throws Exception {
            byte[] payload = ("{\"initiativeId\":\"x\",\"fiscalYear\":2138,\"category\":{\"code\":\"1\",\"name\":\"分類1\"},\"department\":\"部局1\","
                    + "\"amountBefore\":10000000,\"amountAfter\":10005000,\"change\":{\"effectiveDate\":\"2138-04-04\",\"reason\":\"補正\","
                    + "\"reference\":\"議案第1号\"},\"cause\":null}").getBytes(StandardCharsets.UTF_8);
            byte[] metadata = ("{\"actor\":\"bench\",\"correlationId\":\"" + "c".repeat(36) + "\",\"requestId\":\"" + "r".repeat(36)
                    + "\",\"causationId\":\"bulk-x\",\"recordedAt\":\"2026-11-26T00:00:00.000Z\",\"effectiveDate\":\"2138-04-04\","
                    + "\"reason\":\"補正\",\"reference\":\"議案第1号\",\"previousHash\":\"" + "0".repeat(64) + "\",\"hash\":\"" + "0".repeat(64) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + RAW_INSERT)) {
                    for (long i = 0; i < rows; i++) {
                        bindRawRow(insert, "raw-" + i / EVENTS_PER_LINE, i % EVENTS_PER_LINE, "jp.budgetledger.core.api.AmountAmended", payload,
                                metadata);
                        insert.addBatch();
                        if ((i + 1) % HistoryLoader.DEFAULT_BATCH == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }

        void bulkload() throws Exception {
            long rows = Math.max(EVENTS_PER_LINE, events);
            createRawTable("bench_raw_pk", false);
            double primaryKeyOnly = rawBatchInsert("bench_raw_pk", rows);
            dropRawTable("bench_raw_pk");
            createRawTable("bench_raw", true);
            double raw = rawBatchInsert("bench_raw", rows);
            dropRawTable("bench_raw");

            long started = System.nanoTime();
            HistoryLoader.Loaded loaded = loader.loadPausingProjections(history(rows, "h-"), Requester.system("bench"), HistoryLoader.DEFAULT_BATCH);
            double rate = loaded.events() / ((System.nanoTime() - started) / 1e9);
            out.printf(Locale.ROOT, "bench: raw batch insert into a table with only a primary key: %.1f events/s (bulkload ratio to it %.2f)%n",
                    primaryKeyOnly, rate / primaryKeyOnly);
            report("bulkload", rate, "events/s", raw, "ratio>=0.5", rate / raw >= 0.5);
        }

        void rebuild() throws Exception {
            long count = context.getBean(StoredEvents.class).count();
            double rate = count / rebuildSeconds(ProjectionNames.TOTALS);
            double scan = rawScan();
            report("rebuild", rate, "events/s", scan, ">=50000&ratio>=0.3", rate >= 50_000 && rate / scan >= 0.3);
            if (!skip.contains("rebuild-each")) {
                for (String name : ProjectionNames.ALL) {
                    if (!name.equals(ProjectionNames.TOTALS)) {
                        double each = count / rebuildSeconds(name);
                        report("rebuild-" + name, each, "events/s", scan, "-", true);
                    }
                }
            }
        }

        /** Resets one processor and times its replay of the whole store, the others running and caught up. */
        private double rebuildSeconds(String name) {
            StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            long head = head();
            processor.shutDown();
            processor.resetTokens();
            long started = System.nanoTime();
            processor.start();
            if (!progress.awaitPosition(name, head, Duration.ofMinutes(60))) {
                throw new IllegalStateException("the " + name + " projection did not rebuild");
            }
            return (System.nanoTime() - started) / 1e9;
        }

        /** Raw JDBC scan of every event row and Jackson deserialization into the event classes. */
        double rawScan() throws Exception {
            ObjectMapper mapper = LedgerJson.storageMapper();
            AtomicLong count = new AtomicLong();
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement scan = connection.prepareStatement("SELECT payloadType, payload FROM domainevententry ORDER BY globalIndex")) {
                    scan.setFetchSize(1000);
                    try (var rs = scan.executeQuery()) {
                        while (rs.next()) {
                            mapper.readValue(rs.getBytes(2), Class.forName(rs.getString(1)));
                            count.incrementAndGet();
                        }
                    }
                }
                connection.commit();
            }
            return count.get() / ((System.nanoTime() - started) / 1e9);
        }

        void replay(double scan) {
            long started = System.nanoTime();
            var report = context.getBean(LiteralReplay.class).replay(FiscalYear.of(FIRST_YEAR), Moment.endOf(FiscalYear.of(FIRST_YEAR), Instant.now()));
            double rate = report.eventsRead() / ((System.nanoTime() - started) / 1e9);
            if (!report.matches()) {
                out.println("bench: replay found differences: " + report.differences());
            }
            report("replay", rate, "events/s", scan, "ratio>=0.5", report.matches() && rate / scan >= 0.5);
        }

        void verify(double scan) {
            long started = System.nanoTime();
            var report = context.getBean(StoreVerifier.class).verify(null);
            double rate = report.eventsChecked() / ((System.nanoTime() - started) / 1e9);
            if (!report.verified()) {
                out.println("bench: verify found problems: " + report.firstProblem());
            }
            report("verify", rate, "events/s", scan, "ratio>=0.3", report.verified() && rate / scan >= 0.3);
        }

        void asof() {
            TemporalQueries temporal = context.getBean(TemporalQueries.class);
            Instant first = jdbc.sql("SELECT min(lower(recorded)) FROM line_state").query(java.time.OffsetDateTime.class).single().toInstant();
            Instant last = Instant.now();
            Random random = new Random(42);
            long[] nanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                FiscalYear year = FiscalYear.of(FIRST_YEAR + random.nextInt(years));
                LocalDate day = year.firstDay().plusDays(random.nextInt(365));
                Instant at = first.plusMillis((long) (random.nextDouble() * Math.max(1, Duration.between(first, last).toMillis())));
                long started = System.nanoTime();
                temporal.total(year, new Moment(day, at));
                nanos[i] = System.nanoTime() - started;
            }
            double p99 = percentile(nanos, 0.99) / 1e6;
            report("asof-p99", p99, "ms", null, "<20", p99 < 20);
        }

        void hotline() throws Exception {
            LedgerCommands commands = context.getBean(LedgerCommands.class);
            FiscalYear year = FiscalYear.of(2030);
            List<HistoryLoader.PastChange> changes = new ArrayList<>();
            for (int i = 0; i < hotAmendments; i++) {
                changes.add(new HistoryLoader.PastChange(year.firstDay().plusDays(i % 300), Money.ofYen(i % 2 == 0 ? 1 : -1), "補正", null));
            }
            changes.sort((a, b) -> a.effectiveDate().compareTo(b.effectiveDate()));
            InitiativeId hot = InitiativeId.of("hot-line");
            loader.load(List.of(new HistoryLoader.PastLine(hot, year, new Category("1", "分類1"), Department.of("総務部"), "長い履歴の事業", null,
                    Money.ofYen(1_000_000), ChangeContext.of("当初予算"), changes)).iterator(), Requester.system("bench"), HistoryLoader.DEFAULT_BATCH);
            int samples = 200;
            Requester requester = Requester.system("bench");
            List<InitiativeId> fresh = new ArrayList<>();
            for (int i = 0; i < samples + 20; i++) {
                InitiativeId id = InitiativeId.of("fresh-" + i);
                commands.add(new AddInitiative(id, year, new Category("1", "分類1"), Department.of("総務部"), "新しい事業" + i, Money.ofYen(1_000_000),
                        null, ChangeContext.of("当初予算")), requester);
                fresh.add(id);
            }
            ChangeContext change = new ChangeContext(year.lastDay(), "増額", null);
            long[] freshNanos = new long[samples];
            long[] hotNanos = new long[samples];
            for (int i = 0; i < 20; i++) {
                commands.amend(AmendAmount.by(hot, Money.ofYen(1), change), requester);
                commands.amend(AmendAmount.by(fresh.get(samples + i), Money.ofYen(1), change), requester);
            }
            for (int i = 0; i < samples; i++) {
                long started = System.nanoTime();
                commands.amend(AmendAmount.by(fresh.get(i), Money.ofYen(1), change), requester);
                freshNanos[i] = System.nanoTime() - started;
                started = System.nanoTime();
                commands.amend(AmendAmount.by(hot, Money.ofYen(1), change), requester);
                hotNanos[i] = System.nanoTime() - started;
            }
            double hotMs = Arrays.stream(hotNanos).average().orElse(0) / 1e6;
            double freshMs = Arrays.stream(freshNanos).average().orElse(0) / 1e6;
            report("hotline", hotMs, "ms", freshMs, "ratio<=1.5", hotMs / freshMs <= 1.5);
        }

        private List<InitiativeId> appendLines() {
            LedgerCommands commands = context.getBean(LedgerCommands.class);
            FiscalYear year = FiscalYear.of(2031);
            Requester requester = Requester.system("bench");
            List<InitiativeId> ids = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                InitiativeId id = InitiativeId.of("append-" + i);
                commands.add(new AddInitiative(id, year, new Category("1", "分類1"), Department.of("部局" + i % 12), "同時更新事業" + i,
                        Money.ofYen(1_000_000_000), null, ChangeContext.of("当初予算")), requester);
                ids.add(id);
            }
            return ids;
        }

        /** Raw JDBC insert of one event-sized row and its commit, {@code threads} at a time. */
        private double rawAppend(String table, String what) throws Exception {
            return throughput(rawInsert(table), what, "row");
        }

        private Callable<Integer> rawInsert(String table) {
            byte[] row = new byte[700];
            Arrays.fill(row, (byte) 'x');
            AtomicLong sequence = new AtomicLong();
            return () -> {
                jdbcTemplate.update(connection -> {
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + RAW_INSERT);
                    bindRawRow(insert, "a", sequence.incrementAndGet(), "x", row, row);
                    return insert;
                });
                return 1;
            };
        }

        double append() throws Exception {
            createRawTable("bench_append_pk", false);
            warmUp(rawInsert("bench_append_pk"));
            double primaryKeyOnly = rawAppend("bench_append_pk", "the raw insert and commit into a table with only a primary key");
            dropRawTable("bench_append_pk");
            createRawTable("bench_append", true);
            double raw = rawAppend("bench_append", "the raw insert and commit (append's baseline)");
            dropRawTable("bench_append");
            List<InitiativeId> ids = appendLines();
            LedgerCommands commands = context.getBean(LedgerCommands.class);
            Requester requester = Requester.system("bench");
            ChangeContext change = ChangeContext.of("同時更新");
            Random random = new Random(7);
            Callable<Integer> amend = () -> {
                InitiativeId id;
                synchronized (random) {
                    id = ids.get(random.nextInt(ids.size()));
                }
                commands.amend(AmendAmount.by(id, Money.ofYen(1), change), requester);
                return 1;
            };
            warmUp(amend);
            catchUp("before the append scenario");
            double rate = throughput(amend, "append", "command");
            out.printf(Locale.ROOT, "bench: raw insert and commit into a table with only a primary key: %.1f rows/s (append ratio to it %.2f)%n",
                    primaryKeyOnly, rate / primaryKeyOnly);
            report("append", rate, "commands/s", raw, "ratio>=0.5", rate / raw >= 0.5);
            if (!skip.contains("append-alone")) {
                appendAlone(raw, amend);
            }
            return rate;
        }

        /**
         * For the record, not a target: the same commands with this node's projection processors
         * stopped, which shows what the write path costs by itself and what the read models add.
         */
        private void appendAlone(double raw, Callable<Integer> amend) throws Exception {
            catchUp("before the append scenario without projections");
            long from = head();
            MachineTime.Sample[] resumed = new MachineTime.Sample[1];
            double rate = progress.whilePaused(() -> {
                double alone = throughput(amend, "append-alone", "command");
                resumed[0] = machineTime.sample();
                return alone;
            });
            report("append-alone", rate, "commands/s", raw, "-", true);
            long added = jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex > ?").param(from).query(Long.class).single();
            catchUp("after the append scenario without projections");
            machineTime.between(resumed[0], machineTime.sample(), added).ifPresent(cost -> {
                costs.put("read models", cost);
                out.println(cost.line("the read models catching up on its " + String.format(Locale.ROOT, "%,d", added) + " events", "event"));
            });
            MachineTime.Cost alone = costs.get("append-alone");
            MachineTime.Cost readModels = costs.get("read models");
            if (alone != null && readModels != null) {
                out.printf(Locale.ROOT, "bench: append's target (0.5 of %.0f rows/s on %d cores) leaves %.0f µs of the machine per command;"
                                + " a command alone took %.0f and the read models %.0f per event, %.0f together%n",
                        raw, alone.cores(), alone.cores() * 1e6 / (0.5 * raw), alone.busy(), readModels.busy(), alone.busy() + readModels.busy());
            }
        }

        void http(double append) throws Exception {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String password = Files.readAllLines(data.resolve("demo-credentials.txt")).stream().filter(l -> l.startsWith("officer "))
                    .findFirst().orElseThrow().substring("officer ".length());
            String authorization = "Basic " + Base64.getEncoder().encodeToString(("officer:" + password).getBytes(StandardCharsets.UTF_8));
            List<InitiativeId> ids = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                ids.add(InitiativeId.of("append-" + i));
            }
            Random random = new Random(11);
            byte[] body = "{\"deltaYen\": 1, \"reason\": \"同時更新\"}".getBytes(StandardCharsets.UTF_8);
            List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            Callable<Integer> post = () -> {
                InitiativeId id;
                synchronized (random) {
                    id = ids.get(random.nextInt(ids.size()));
                }
                long started = System.nanoTime();
                call(port, "POST", "/api/initiatives/" + id + "/amendments", authorization, body);
                latencies.add(System.nanoTime() - started);
                return 1;
            };
            warmUp(post);
            latencies.clear();
            catchUp("before the http scenario");
            double rate = throughput(post, "http", "request");
            double p99 = percentile(latencies.stream().mapToLong(Long::longValue).toArray(), 0.99) / 1e6;
            report("http", rate, "requests/s", append, "ratio>=0.7", rate / append >= 0.7);
            report("http-p99", p99, "ms", null, "<50", p99 < 50);
            MachineTime.Cost command = costs.get("append");
            MachineTime.Cost request = costs.get("http");
            if (command != null && request != null) {
                out.printf(Locale.ROOT, "bench: http's target (0.7 of append) leaves %.0f µs of the machine per request, %.0f more than append's"
                                + " command; a request took %.0f, %.0f more%n",
                        command.busy() / 0.7, command.busy() / 0.7 - command.busy(), request.busy(), request.busy() - command.busy());
            }
        }

        /**
         * One request on a kept-alive connection ({@link HttpURLConnection} pools them per thread
         * and host when the body is read to the end): a light blocking client, since it shares the
         * machine's cores with the server it measures.
         */
        private static void call(int port, String method, String path, String authorization, byte[] body) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", authorization);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setFixedLengthStreamingMode(body.length);
                try (var out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (status != 200) {
                byte[] error = connection.getErrorStream() == null ? new byte[0] : connection.getErrorStream().readAllBytes();
                throw new IllegalStateException("HTTP " + status + ": " + new String(error, StandardCharsets.UTF_8));
            }
            try (var in = connection.getInputStream()) {
                in.readAllBytes();
            }
        }

        /**
         * Operations per second of {@code threads} callers running {@code operation} for {@code seconds},
         * and a line on the machine time each took.
         */
        private double throughput(Callable<Integer> operation, String what, String unit) throws Exception {
            MachineTime.Sample before = machineTime.sample();
            double rate = run(operation, seconds);
            MachineTime.Sample after = machineTime.sample();
            machineTime.between(before, after, rate * (after.nanoTime() - before.nanoTime()) / 1e9).ifPresent(cost -> {
                costs.put(what, cost);
                out.println(cost.line(what, unit));
            });
            return rate;
        }

        /** The same load for {@code warmup} seconds, not counted: the first seconds of a path run interpreted and compiling. */
        private void warmUp(Callable<Integer> operation) throws Exception {
            run(operation, warmup);
        }

        private double run(Callable<Integer> operation, int seconds) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong done = new AtomicLong();
            try {
                List<Future<?>> futures = new ArrayList<>();
                long started = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        while (running.get()) {
                            done.addAndGet(operation.call());
                        }
                        return null;
                    }));
                }
                Thread.sleep(seconds * 1000L);
                running.set(false);
                for (Future<?> future : futures) {
                    future.get();
                }
                return done.get() / ((System.nanoTime() - started) / 1e9);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static double percentile(long[] values, double quantile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
