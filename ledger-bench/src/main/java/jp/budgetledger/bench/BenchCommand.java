package jp.budgetledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.audit.LiteralReplay;
import jp.budgetledger.app.audit.ReplayReport;
import jp.budgetledger.app.audit.VerificationReport;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.config.DatabaseSecrets;
import jp.budgetledger.app.config.EmbeddedDatabaseRoles;
import jp.budgetledger.app.config.LedgerJson;
import jp.budgetledger.app.config.LedgerProperties;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.app.merkle.MerkleVerifier;
import jp.budgetledger.app.merkle.SignedTreeHead;
import jp.budgetledger.app.merkle.TreeHeadSigner;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.bench.Figures.Repetition;
import jp.budgetledger.bench.history.HistoryLoader;
import jp.budgetledger.bench.history.SyntheticBudget;
import jp.budgetledger.core.api.AddInitiative;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.Department;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.Subject;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.domain.InitiativeRegistry;
import jp.budgetledger.core.domain.SubjectTable;
import jp.budgetledger.projections.ProjectionNames;
import jp.budgetledger.projections.temporal.Moment;
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
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code ledger-bench.jar [--events N] [--seconds S] [--repeat R]}: the ledger's benchmark. Starts the real configuration on a
 * fresh embedded PostgreSQL in a new directory of its own, loads a history of two 会計 with both sides and full 科目 paths over
 * several fiscal years through the product's bulk path, runs each scenario {@code --repeat} times next to a baseline measured
 * in the same repetition on the same database, and prints one {@code BENCH} line per figure ({@link Figures}). At the end it
 * checks that the tree totals of every year equal the fold of the events and that the store verifies against the run's last
 * signed tree head. Exit code 0 when every target passes and both checks hold, 1 otherwise, 3 when it refuses to run because
 * the database could be another one than its own ({@link FreshStore}), having written nothing.
 */
@Command(name = "ledger-bench.jar", mixinStandardHelpOptions = true, subcommands = SoakCommand.class, description = "Run the benchmark scenarios and print BENCH lines."
        + " Spring properties (--name=value) may follow, except those that choose the database or the configuration files.")
class BenchCommand implements Callable<Integer> {

    static final int REFUSED = 3;

    /** The history's first fiscal year: years that have not ended, whose lines the fiscal years' gate lets one add and amend. */
    private static final int FIRST_YEAR = 2138;
    private static final int YEARS = 5;
    /** The imported books' years, one per repetition. */
    private static final int IMPORT_YEAR = 2160;
    /** The year of the lines the write scenarios amend: 歳出 lines of {@value #COMMAND_ACCOUNTS} 会計 (one side each, so each balanced). */
    private static final int COMMAND_YEAR = 2031;
    private static final int COMMAND_ACCOUNTS = 10;
    private static final int COMMAND_LINES = 1_000;
    private static final int WARMUP_QUERIES = 200;

    @Option(names = "--events", description = "events of history (default 1,000,000: 20,000 lines of 50 events)", defaultValue = "1000000")
    long events;

    @Option(names = "--repeat", description = "repetitions of each scenario; each figure is their median (default 3)", defaultValue = "3")
    int repeat;

    @Option(names = "--seconds", description = "duration of each throughput window (default 20)", defaultValue = "20")
    int seconds;

    @Option(names = "--warmup", description = "the same load, not counted, before the first window of each throughput scenario and its baseline, "
            + "so that the JIT has compiled the path measured (default 40 s)", defaultValue = "40")
    int warmup;

    @Option(names = "--threads", description = "concurrent callers (default 8)", defaultValue = "8")
    int threads;

    @Option(names = "--queries", description = "tree queries per repetition of tree-asof (default 2,000)", defaultValue = "2000")
    int queries;

    @Option(names = "--import-rows", description = "rows of the budget CSV of import-csv (default 20,000)", defaultValue = "20000")
    int importRows;

    @Option(names = "--skip", split = ",", description = "scenarios to leave out: startup, import-csv, tree-asof, rebuild-all, replay, verify, "
            + "command, sustained, http (http needs sustained)")
    Set<String> skip = Set.of();

    @Option(names = "--keep", description = "keep the run's data directory (its database) instead of deleting it at the end")
    boolean keep;

    @Option(names = "--app-jar", description = "the product's ledger-app.jar, started as a separate process for the startup scenario "
            + "(default: ledger-app/target/ledger-app.jar next to this jar's module, if there)")
    Path appJar;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    private PrintStream out;
    private Figures figures;

    @Override
    public Integer call() throws Exception {
        out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        figures = new Figures(out);
        var foreign = FreshStore.foreignSetting(springArguments, System.getenv(), System.getProperties());
        if (foreign.isPresent()) {
            System.err.println(new FreshStore.RefusedException(foreign.get()).getMessage());
            return REFUSED;
        }
        if (repeat < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--repeat must be at least 1");
        }
        System.setProperty("http.maxConnections", Integer.toString(threads));
        Path data = Files.createTempDirectory("ledger-bench-");
        out.printf("bench: %,d events of history, %d repetitions, %d s per throughput window, %d callers, data in %s%n", events, repeat, seconds,
                threads, data);
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
        figures.report("memory", "MiB", List.of(Repetition.alone(peakRssMiB())), "<=700", s -> s.value() <= 700);
        out.println(figures.allPass() ? "bench: every target passed" : "bench: some targets were missed");
        return figures.allPass() ? 0 : 1;
    }

    /** Only the configuration packaged in the product: no application.yml of the working directory can choose another database. */
    private static final String PACKAGED_CONFIGURATION = "optional:classpath:/,optional:classpath:/config/";

    /** The highest resident set size of this process (the service and the bench's clients) so far. */
    private static long peakRssMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Cold (empty data directory) and warm start of the main job, as a separate process, until health is UP; each repetition in a new directory. */
    private void startup() throws Exception {
        Path jar = appJar != null ? appJar : besideOwnJar();
        if (jar == null || !Files.isRegularFile(jar)) {
            out.println("bench: startup skipped (pass --app-jar ledger-app/target/ledger-app.jar to measure it)");
            return;
        }
        List<Repetition> cold = new ArrayList<>();
        List<Repetition> warm = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            Path data = Files.createTempDirectory("ledger-bench-startup-");
            try {
                cold.add(Repetition.alone(timeStart(jar, data)));
                warm.add(Repetition.alone(timeStart(jar, data)));
            } finally {
                FileSystemUtils.deleteRecursively(data);
            }
        }
        figures.report("startup-cold", "s", cold, "<=10", s -> s.value() <= 10);
        figures.report("startup-warm", "s", warm, "<=6", s -> s.value() <= 6);
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
                if (!process.isAlive()) {
                    throw new IllegalStateException("the ledger exited with " + process.exitValue() + " while starting; see " + data.resolve("startup.log"));
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
        private final StoredEvents store;
        private final MachineTime machineTime;
        private final HistoryLoader loader;
        private final ObjectMapper json = new ObjectMapper();
        private final int port;
        private final Set<Integer> years = new TreeSet<>();

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
            this.store = context.getBean(StoredEvents.class);
            this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String dataDirectory = superuser.sql("SHOW data_directory").query(String.class).single();
            FreshStore.problem(data, dataDirectory, store.head()).ifPresent(problem -> {
                throw new FreshStore.RefusedException(problem);
            });
            this.machineTime = MachineTime.forBackend(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single(), dataDirectory);
            this.loader = new HistoryLoader(context.getBean(EventStore.class), context.getBean(InitiativeRegistry.class),
                    context.getBean(SubjectTable.class), context.getBean(TransactionTemplate.class), progress, store);
        }

        void all() throws Exception {
            load();
            if (!skip.contains("import-csv")) {
                importCsv();
            }
            if (!skip.contains("tree-asof")) {
                treeAsof();
            }
            if (!skip.contains("rebuild-all")) {
                rebuildAll();
            }
            if (!skip.contains("replay")) {
                replay();
            }
            if (!skip.contains("verify")) {
                verify();
            }
            if (!skip.contains("command") || !skip.contains("sustained")) {
                writes();
            }
            correctness();
        }

        /** The history through the product's bulk path, the read models paused, then their catch-up (printed, not a figure). */
        private void load() {
            long started = System.nanoTime();
            HistoryLoader.Loaded loaded = loader.loadPausingProjections(SyntheticBudget.history(events, FIRST_YEAR, YEARS, "h-"),
                    Requester.system("bench"), HistoryLoader.DEFAULT_BATCH);
            double took = (System.nanoTime() - started) / 1e9;
            for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
                years.add(year);
            }
            out.printf(Locale.ROOT, "bench: history of %,d events over %,d lines (fiscal years %d–%d, 2 会計, both sides, 款・項・目・事業) loaded in %.1f s, "
                    + "%.0f events/s%n", loaded.events(), loaded.lines(), FIRST_YEAR, FIRST_YEAR + YEARS - 1, took, loaded.events() / took);
            catchUp("after the bulk load");
        }

        /** Waits for every read model to reach the store's head; prints the time they all took and each one's, and answers each one's. */
        private Map<String, Double> catchUp(String when) {
            return awaitAll(store.head(), System.nanoTime(), when);
        }

        private Map<String, Double> awaitAll(long head, long started, String when) {
            long deadline = started + Duration.ofMinutes(60).toNanos();
            Map<String, Double> reached = new LinkedHashMap<>();
            while (reached.size() < ProjectionNames.ALL.size()) {
                for (String name : ProjectionNames.ALL) {
                    if (!reached.containsKey(name)) {
                        OptionalLong position = progress.position(name);
                        if (position.isPresent() && position.getAsLong() >= head) {
                            reached.put(name, (System.nanoTime() - started) / 1e9);
                        }
                    }
                }
                if (reached.size() < ProjectionNames.ALL.size()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the read models did not reach position " + head + " " + when);
                    }
                    pause(10);
                }
            }
            out.printf(Locale.ROOT, "bench: read models at position %d %s in %.1f s (%s)%n", head, when, (System.nanoTime() - started) / 1e9,
                    reached.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", ")));
            return reached;
        }

        /**
         * A 20,000-row budget CSV of a new year through {@code POST /api/imports/budget-csv}, timed until the tree of that year (asked
         * with the import's position as {@code minPosition}) holds the file's total; against a raw batch insert of the events it
         * appended, into a copy of the event table with its indexes.
         */
        private void importCsv() throws Exception {
            String officer = authorization("officer");
            String viewer = authorization("viewer");
            List<Repetition> repetitions = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                int year = IMPORT_YEAR + i;
                SyntheticBudget.Book book = SyntheticBudget.book(year, importRows);
                byte[] body = book.csv().getBytes(StandardCharsets.UTF_8);
                long before = store.head();
                long started = System.nanoTime();
                JsonNode report = json.readTree(call("POST", "/api/imports/budget-csv?fileName=bench-" + year + ".csv&expectedTotalYen=" + book.totalYen(),
                        officer, "text/csv; charset=UTF-8", body, 201));
                double answered = (System.nanoTime() - started) / 1e9;
                long position = report.get("position").asLong();
                JsonNode tree = json.readTree(visible("/api/totals/tree?depth=side&fiscalYear=" + year + "&minPosition=" + position, viewer));
                double took = (System.nanoTime() - started) / 1e9;
                long total = 0;
                for (JsonNode account : tree) {
                    for (JsonNode side : account.get("children")) {
                        total += side.get("totalYen").asLong();
                    }
                }
                if (total != book.totalYen()) {
                    throw new IllegalStateException("the tree of " + year + " holds " + total + " yen after the import, not the book's " + book.totalYen());
                }
                years.add(year);
                double raw = rawCopy(before, position);
                out.printf(Locale.ROOT, "bench: import of %,d rows (%,d events): answered after %.2f s, in the tree after %.2f s; their raw batch insert %.2f s%n",
                        book.rows(), position - before, answered, took, raw);
                repetitions.add(Repetition.time(took, raw));
                catchUp("after the import");
            }
            figures.report("import-csv", "s", repetitions, "<=5", s -> s.value() <= 5);
        }

        /** Seconds of a raw batch insert of the stored events after {@code after} up to {@code upTo}, as they are, into a copy of the event table. */
        private double rawCopy(long after, long upTo) throws Exception {
            createRawTable("bench_raw_import");
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT aggregateIdentifier, sequenceNumber, payloadType, payload, metaData"
                        + " FROM domainevententry WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex")) {
                    select.setLong(1, after);
                    select.setLong(2, upTo);
                    select.setFetchSize(1000);
                    try (var rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Object[]{rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5)});
                        }
                    }
                }
                connection.commit();
                long started = System.nanoTime();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_import" + RAW_INSERT)) {
                    int n = 0;
                    for (Object[] row : rows) {
                        bindRawRow(insert, (String) row[0], (Long) row[1], (String) row[2], (byte[]) row[3], (byte[]) row[4]);
                        insert.addBatch();
                        if (++n % HistoryLoader.DEFAULT_BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                connection.commit();
                return (System.nanoTime() - started) / 1e9;
            } finally {
                dropRawTable("bench_raw_import");
            }
        }

        /** {@code GET /api/totals/tree} down to 目 of one 会計 of a year of the history, at a random effective day and recorded instant. */
        private void treeAsof() throws Exception {
            String viewer = authorization("viewer");
            Instant first = jdbc.sql("SELECT min(lower(recorded)) FROM line_state").query(java.time.OffsetDateTime.class).single().toInstant();
            Instant last = Instant.now();
            List<Repetition> repetitions = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                Random random = new Random(42 + i);
                long[] nanos = new long[queries];
                for (int q = -WARMUP_QUERIES; q < queries; q++) {
                    int year = FIRST_YEAR + random.nextInt(YEARS);
                    LocalDate day = FiscalYear.of(year).firstDay().plusDays(random.nextInt(365));
                    Instant at = first.plusMillis((long) (random.nextDouble() * Math.max(1, Duration.between(first, last).toMillis())));
                    String path = "/api/totals/tree?fiscalYear=" + year + "&account=" + (1 + random.nextInt(2)) + "&depth=moku&effectiveOn=" + day
                            + "&asOf=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
                    long started = System.nanoTime();
                    call("GET", path, viewer, null, null, 200);
                    if (q >= 0) {
                        nanos[q] = System.nanoTime() - started;
                    }
                }
                repetitions.add(Repetition.alone(Figures.percentile(nanos, 0.99) / 1e6));
            }
            figures.report("tree-asof-p99", "ms", repetitions, "<20", s -> s.value() < 20);
        }

        /** Every read model reset at once and replayed over the store, against a raw scan and deserialisation; each one's own rate too. */
        private void rebuildAll() throws Exception {
            long count = store.count();
            List<Repetition> all = new ArrayList<>();
            Map<String, List<Repetition>> each = new LinkedHashMap<>();
            for (int i = 0; i < repeat; i++) {
                double scan = rawScan(false);
                Map<String, Double> took = rebuildAllSeconds();
                double slowest = took.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                all.add(Repetition.rate(count / slowest, scan));
                for (String name : ProjectionNames.ALL) {
                    each.computeIfAbsent(name, n -> new ArrayList<>()).add(Repetition.rate(count / took.get(name), scan));
                }
            }
            boolean steady = true;
            for (Map.Entry<String, List<Repetition>> model : each.entrySet()) {
                Figures.Summary summary = figures.report("rebuild-all-" + model.getKey(), "events/s", model.getValue(), "min>=0.8*median",
                        s -> s.min() >= 0.8 * s.value());
                steady &= summary.min() >= 0.8 * summary.value();
            }
            boolean everyOneSteady = steady;
            figures.report("rebuild-all", "events/s", all, ">=25000&each-min>=0.8*median", s -> s.value() >= 25_000 && everyOneSteady);
        }

        private Map<String, Double> rebuildAllSeconds() {
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            List<StreamingEventProcessor> processors = ProjectionNames.ALL.stream()
                    .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow()).toList();
            long head = store.head();
            processors.forEach(StreamingEventProcessor::shutDown);
            processors.forEach(StreamingEventProcessor::resetTokens);
            long started = System.nanoTime();
            processors.forEach(StreamingEventProcessor::start);
            return awaitAll(head, started, "rebuilt at once");
        }

        /** Raw JDBC scan of every event row in position order with Jackson's deserialisation into the event classes, or with SHA-256 of each row. */
        private double rawScan(boolean hashing) throws Exception {
            ObjectMapper mapper = LedgerJson.storageMapper();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            Map<String, Class<?>> types = new HashMap<>();
            long count = 0;
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement scan = connection.prepareStatement("SELECT payloadType, payload, metaData FROM domainevententry ORDER BY globalIndex")) {
                    scan.setFetchSize(1000);
                    try (var rs = scan.executeQuery()) {
                        while (rs.next()) {
                            if (hashing) {
                                sha256.update(rs.getBytes(2));
                                sha256.digest(rs.getBytes(3));
                            } else {
                                String type = rs.getString(1);
                                Class<?> payloadClass = types.get(type);
                                if (payloadClass == null) {
                                    payloadClass = Class.forName(type);
                                    types.put(type, payloadClass);
                                }
                                mapper.readValue(rs.getBytes(2), payloadClass);
                            }
                            count++;
                        }
                    }
                }
                connection.commit();
            }
            return count / ((System.nanoTime() - started) / 1e9);
        }

        /** The literal audit replay of the history's first year, against a raw scan. */
        private void replay() throws Exception {
            LiteralReplay replay = context.getBean(LiteralReplay.class);
            List<Repetition> repetitions = new ArrayList<>();
            boolean matched = true;
            for (int i = 0; i < repeat; i++) {
                double scan = rawScan(false);
                long started = System.nanoTime();
                ReplayReport report = replay.replay(FiscalYear.of(FIRST_YEAR), Moment.endOf(FiscalYear.of(FIRST_YEAR), Instant.now()));
                double rate = report.eventsRead() / ((System.nanoTime() - started) / 1e9);
                if (!report.matches()) {
                    out.println("bench: replay found differences: " + report.differences());
                }
                matched &= report.matches();
                repetitions.add(Repetition.rate(rate, scan));
            }
            boolean agreed = matched;
            figures.report("replay", "events/s", repetitions, "ratio>=0.7", s -> agreed && s.ratio() >= 0.7);
        }

        /** Verification of every event and of the store against a tree head signed after the history, against a raw scan hashing each row. */
        private void verify() throws Exception {
            SignedTreeHead head = context.getBean(TreeHeadSigner.class).signNow();
            MerkleVerifier verifier = context.getBean(MerkleVerifier.class);
            List<Repetition> repetitions = new ArrayList<>();
            boolean verified = true;
            for (int i = 0; i < repeat; i++) {
                double scan = rawScan(true);
                long started = System.nanoTime();
                VerificationReport report = verifier.verify(null, head.treeHead());
                double rate = report.eventsChecked() / ((System.nanoTime() - started) / 1e9);
                boolean ok = report.verified() && report.treeHead() != null && report.treeHead().matches() && report.treeHead().signatureValid();
                if (!ok) {
                    out.println("bench: verify found problems: " + report.firstProblem());
                }
                verified &= ok;
                repetitions.add(Repetition.rate(rate, scan));
            }
            boolean held = verified;
            out.printf(Locale.ROOT, "bench: verified against the tree head of %,d leaves signed after the history%n", head.treeSize());
            figures.report("verify", "events/s", repetitions, "ratio>=0.5", s -> held && s.ratio() >= 0.5);
        }

        /**
         * The write scenarios, each repetition in the order raw insert, {@code command} (read models paused), {@code sustained}
         * (read models running, their catch-up inside the window) and {@code http} (the same through the REST API).
         */
        private void writes() throws Exception {
            List<InitiativeId> ids = commandLines();
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
            String officer = authorization("officer");
            byte[] body = "{\"deltaYen\": 1, \"reason\": \"同時更新\"}".getBytes(StandardCharsets.UTF_8);
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Callable<Integer> post = () -> {
                InitiativeId id;
                synchronized (random) {
                    id = ids.get(random.nextInt(ids.size()));
                }
                long started = System.nanoTime();
                call("POST", "/api/initiatives/" + id + "/amendments", officer, "application/json", body, 200);
                latencies.add(System.nanoTime() - started);
                return 1;
            };
            boolean http = !skip.contains("http") && !skip.contains("sustained");
            createRawTable("bench_append");
            try {
                Callable<Integer> raw = rawInsert("bench_append");
                count(raw, warmup);
                count(amend, warmup);
                if (http) {
                    count(post, warmup);
                }
                catchUp("before the write scenarios");
                List<Repetition> command = new ArrayList<>();
                List<Repetition> sustained = new ArrayList<>();
                List<Repetition> overHttp = new ArrayList<>();
                List<Repetition> p99 = new ArrayList<>();
                for (int i = 0; i < repeat; i++) {
                    double rawRate = throughput(raw, "the raw insert and commit", "row");
                    if (!skip.contains("command")) {
                        command.add(Repetition.rate(progress.whilePaused(() -> throughput(amend, "command", "command")), rawRate));
                        catchUp("after the command window");
                    }
                    if (!skip.contains("sustained")) {
                        double sustainedRate = withCatchUp(amend, "sustained", "command");
                        sustained.add(Repetition.rate(sustainedRate, rawRate));
                        if (http) {
                            latencies.clear();
                            double httpRate = withCatchUp(post, "http", "request");
                            overHttp.add(Repetition.rate(httpRate, sustainedRate));
                            p99.add(Repetition.alone(Figures.percentile(latencies.stream().mapToLong(Long::longValue).toArray(), 0.99) / 1e6));
                        }
                    }
                }
                if (!command.isEmpty()) {
                    figures.report("command", "commands/s", command, "ratio>=0.5", s -> s.ratio() >= 0.5);
                }
                if (!sustained.isEmpty()) {
                    figures.report("sustained", "commands/s", sustained, "ratio>=0.3", s -> s.ratio() >= 0.3);
                }
                if (!overHttp.isEmpty()) {
                    figures.report("http", "requests/s", overHttp, "ratio>=0.5", s -> s.ratio() >= 0.5);
                    figures.report("http-p99", "ms", p99, "<50", s -> s.value() < 50);
                }
            } finally {
                dropRawTable("bench_append");
            }
        }

        /** Lines of {@value #COMMAND_YEAR}: 歳出 of {@value #COMMAND_ACCOUNTS} 会計, each 会計 one side only and so balanced whatever its amendments. */
        private List<InitiativeId> commandLines() {
            LedgerCommands commands = context.getBean(LedgerCommands.class);
            FiscalYear year = FiscalYear.of(COMMAND_YEAR);
            Requester requester = Requester.system("bench");
            List<InitiativeId> ids = new ArrayList<>();
            for (int i = 0; i < COMMAND_LINES; i++) {
                InitiativeId id = InitiativeId.of("command-" + i);
                int account = i % COMMAND_ACCOUNTS;
                Classification classification = new Classification(SubjectLevel.of(Integer.toString(account + 1), account == 0 ? "一般会計" : "特別会計" + account),
                        Side.EXPENDITURE, new Subject(SubjectLevel.of("2", "総務費"), SubjectLevel.of("1", "総務管理費"), SubjectLevel.of("1", "一般管理費"),
                        SubjectLevel.of(Integer.toString(i + 1), "同時更新事業" + i), null, null), null);
                commands.add(new AddInitiative(id, year, null, Department.of("部局" + i % 12), "同時更新事業" + i, Money.ofYen(1_000_000_000), null,
                        ChangeContext.of("当初予算"), classification, null), requester);
                ids.add(id);
            }
            years.add(COMMAND_YEAR);
            return ids;
        }

        /** Operations per second of {@code threads} callers running {@code operation} for {@code seconds}, and a line on the machine time each took. */
        private double throughput(Callable<Integer> operation, String what, String unit) throws Exception {
            return window(operation, what, unit, false);
        }

        /** The same, with the read models' catch-up after the window inside the time counted. */
        private double withCatchUp(Callable<Integer> operation, String what, String unit) throws Exception {
            return window(operation, what, unit, true);
        }

        private double window(Callable<Integer> operation, String what, String unit, boolean catchUp) throws Exception {
            MachineTime.Sample before = machineTime.sample();
            long started = System.nanoTime();
            long done = count(operation, seconds);
            if (catchUp) {
                awaitAll(store.head(), System.nanoTime(), "after the " + what + " window");
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            MachineTime.Sample after = machineTime.sample();
            machineTime.between(before, after, done).ifPresent(cost -> out.println(cost.line(what, unit)));
            return done / elapsed;
        }

        private long count(Callable<Integer> operation, int forSeconds) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong done = new AtomicLong();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        while (running.get()) {
                            done.addAndGet(operation.call());
                        }
                        return null;
                    }));
                }
                Thread.sleep(forSeconds * 1000L);
                running.set(false);
                for (Future<?> future : futures) {
                    future.get();
                }
                return done.get();
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * After the run: the tree totals of every year it wrote equal the fold of the events (the literal replay, 款, 項 and 目 of
         * each 会計 and side), and the store verifies against the last tree head, signed now.
         */
        private void correctness() {
            catchUp("before the final checks");
            LiteralReplay replay = context.getBean(LiteralReplay.class);
            List<Integer> differing = new ArrayList<>();
            for (int year : years) {
                ReplayReport report = replay.replay(FiscalYear.of(year), Moment.endOf(FiscalYear.of(year), Instant.now()));
                if (!report.matches()) {
                    differing.add(year);
                    out.println("bench: replay of " + year + " found differences: " + report.differences());
                }
            }
            figures.require(differing.isEmpty(), "the tree totals of every year written (" + years + ") equal the fold of the events");
            SignedTreeHead head = context.getBean(TreeHeadSigner.class).signNow();
            VerificationReport report = context.getBean(MerkleVerifier.class).verify(null, head.treeHead());
            figures.require(report.verified() && report.treeHead().matches() && report.treeHead().signatureValid(),
                    String.format(Locale.ROOT, "the store verifies against the run's last signed tree head (%,d leaves)", head.treeSize()));
        }

        /**
         * A read with {@code minPosition}, asked again as a client does while the ledger answers 503 {@code projection-behind} (each
         * answer after the ledger's own wait for its read models, {@code ledger.read-max-wait}).
         */
        private byte[] visible(String path, String authorization) throws IOException {
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (true) {
                try {
                    return call("GET", path, authorization, null, null, 200);
                } catch (NotYetVisible e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("still not visible after 30 minutes: " + path, e);
                    }
                }
            }
        }

        /** HTTP Basic of a demo user, with the password the ledger wrote for it. */
        private String authorization(String user) throws IOException {
            String password = Files.readAllLines(data.resolve("demo-credentials.txt")).stream().filter(l -> l.startsWith(user + " "))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no demo user " + user)).substring(user.length() + 1).strip();
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * One request on a kept-alive connection ({@link HttpURLConnection} pools them per thread and host when the body is read
         * to the end): a light blocking client, since it shares the machine's cores with the server it measures.
         */
        private byte[] call(String method, String path, String authorization, String contentType, byte[] body, int expected) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", authorization);
            connection.setReadTimeout((int) Duration.ofMinutes(5).toMillis());
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", contentType);
                connection.setFixedLengthStreamingMode(body.length);
                try (var stream = connection.getOutputStream()) {
                    stream.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (status != expected) {
                byte[] error = connection.getErrorStream() == null ? new byte[0] : connection.getErrorStream().readAllBytes();
                String problem = new String(error, StandardCharsets.UTF_8);
                if (status == 503 && problem.contains("/problems/projection-behind")) {
                    throw new NotYetVisible(problem);
                }
                throw new IllegalStateException(method + " " + path + ": HTTP " + status + ": " + problem);
            }
            try (var in = connection.getInputStream()) {
                return in.readAllBytes();
            }
        }

        /**
         * A scratch table for the raw baselines: the event table's columns, keys and indexes (an insert into the event store pays
         * for those whatever writes it), its own sequence. Made by the database superuser (the service's role may not create
         * tables), written by the service's role as events are.
         */
        private void createRawTable(String name) {
            superuser.sql("CREATE SEQUENCE " + name + "_seq").update();
            superuser.sql("CREATE TABLE " + name + " (LIKE domainevententry INCLUDING INDEXES)").update();
            superuser.sql("ALTER TABLE " + name + " ALTER COLUMN globalIndex SET DEFAULT nextval('" + name + "_seq')").update();
            superuser.sql("GRANT USAGE ON SEQUENCE " + name + "_seq TO " + EmbeddedDatabaseRoles.SERVICE).update();
            superuser.sql("GRANT SELECT, INSERT ON " + name + " TO " + EmbeddedDatabaseRoles.SERVICE).update();
        }

        private void dropRawTable(String name) {
            superuser.sql("DROP TABLE " + name).update();
            superuser.sql("DROP SEQUENCE IF EXISTS " + name + "_seq").update();
        }

        private static final String RAW_INSERT = " (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
                + "payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

        /** The parameters of {@link #RAW_INSERT}: a row of a new event identifier. */
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

        /** Raw JDBC insert of one event-sized row and its commit. */
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
    }

    /** The ledger's 503 {@code projection-behind}: its read models have not reached the position asked for yet. */
    private static final class NotYetVisible extends IOException {
        NotYetVisible(String problem) {
            super(problem);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
