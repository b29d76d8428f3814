package jp.budgetledger.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.Marks;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.Category;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeReassigned;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.SubjectLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Random histories sent over HTTP as users send them: lines added on both sides (歳入/歳出) with 科目 paths or with a category only,
 * amendments (to an amount or by a difference), transfers (流用), supplementary budgets (補正予算), withdrawals, moves to another
 * department and corrections, each with a random effective date, in a random recording order. Every write the ledger refuses (4xx)
 * appends nothing. At random points and after each history, the 科目 tree, the totals per department and per category and the year's
 * total, read for random moments ({@code effectiveOn} any day of the year, {@code asOf} now, an earlier instant or exactly the
 * instant of a stored event), equal a fold of the stored events written here, independent of the read models; so do the current
 * totals and lines, and the amounts of the lines equal those the accepted requests imply. After each history the literal replay
 * agrees, {@code verify} finds nothing wrong, and a rebuild of the read models gives the same tables.
 * <p>
 * One ledger serves every try; each try writes in a namespace of its own (会計, departments, categories and names) in one of the
 * fiscal years 2221–2250, so that its requests do not collide with another's while the folds count every event of the year.
 */
class RandomHistoriesIT {

    private static final int FIRST_YEAR = 2221;
    private static final int YEARS = 30;
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static final List<String> REBUILT = List.of("temporal", "totals", "initiative-list");
    /** The tables of the rebuilt read models, each as a query giving its rows as text (generated ids left out). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        for (String table : List.of("line_state_line", "line_movement", "supplementary_new_line", "supplementary_budget_column",
                "initiative_view", "department_total", "category_total")) {
            TABLES.put(table, "SELECT to_jsonb(t)::text FROM " + table + " t");
        }
        TABLES.put("line_state", "SELECT (to_jsonb(t) - 'id')::text FROM line_state t");
    }

    private static ConfigurableApplicationContext ledger;

    private static synchronized ConfigurableApplicationContext ledger() {
        if (ledger == null) {
            List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + LedgerIT.newDataDirectory("ledger-histories-"),
                    "--server.port=0", "--ledger.sample.load=false", "--ledger.approval.required-for="));
            arguments.addAll(TestUsers.arguments());
            ledger = new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
        }
        return ledger;
    }

    @AfterContainer
    static synchronized void stopLedger() {
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
    }

    // ---------------------------------------------------------------- the requests of a history

    /** A request; the numbers pick lines, departments and days when it is sent. */
    sealed interface Op permits Add, Amend, Transfer, Supplementary, Withdraw, Reassign, Correct, Check {
    }

    /** A new line: classified ({@code account} 0 or 1, side, 款/項/目, optional 節) or, with {@code classified} false, a category only. */
    record Add(boolean classified, int account, boolean revenue, int kan, int kou, int moku, int setsu, int department, int category,
               long amountYen, int day, boolean partOfSet) implements Op {
    }

    record Amend(int line, boolean byDelta, long yen, int day, boolean partOfSet) implements Op {
    }

    /** With {@code sameKou}, to a line of the same 会計, side, 款 and 項 as {@code from} where there is one. */
    record Transfer(int from, int to, boolean sameKou, long amountYen, int day, boolean partOfSet) implements Op {
    }

    /** New lines (classified ones in {@code account}) and changes of existing lines (of {@code account} where there are some) by a difference. */
    record Supplementary(int account, List<Add> newLines, List<Tuple.Tuple2<Integer, Long>> changes, int day, boolean partOfSet) implements Op {
    }

    record Withdraw(int line, boolean merged, int into, int day, boolean partOfSet) implements Op {
    }

    record Reassign(int line, int department, int day, boolean partOfSet) implements Op {
    }

    /** With {@code amended}, of a plain amendment recorded here, where there is one. */
    record Correct(int line, int sequence, boolean amended, boolean partOfSet) implements Op {
    }

    /** The checks of a history at this point. */
    record Check() implements Op {
    }

    private static Arbitrary<Integer> day() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, 364)),
                Tuple.of(1, Arbitraries.of(-10, -1, 365, 400)));
    }

    private static Arbitrary<Add> add() {
        return Combinators.combine(
                Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)),
                Arbitraries.integers().between(0, 1), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2)).flatAs((classified, account, revenue, kan, kou, moku,
                        setsu, department) -> Combinators.combine(Arbitraries.integers().between(-1, 2),
                        Arbitraries.longs().between(0, 2_000).map(k -> k * 1_000), day(), Arbitraries.of(true, false))
                .as((category, amount, day, partOfSet) -> new Add(classified, account, revenue, kan, kou, moku, setsu, department,
                        category, amount, day, partOfSet)));
    }

    private static Arbitrary<Integer> line() {
        return Arbitraries.integers().between(0, 30);
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<Op> amend = Combinators.combine(line(), Arbitraries.of(true, false), Arbitraries.longs().between(-800, 800).map(k -> k * 1_000),
                day(), Arbitraries.of(true, false)).as(Amend::new);
        Arbitrary<Op> transfer = Combinators.combine(line(), line(), Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)), Arbitraries.longs().between(1, 500).map(k -> k * 1_000), day(),
                Arbitraries.of(true, false)).as(Transfer::new);
        Arbitrary<Op> supplementary = Combinators.combine(Arbitraries.integers().between(0, 1), add().list().ofMaxSize(2),
                Combinators.combine(line(), Arbitraries.longs().between(-300, 300).map(k -> k * 1_000)).as(Tuple::of).list().ofMaxSize(3),
                day(), Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false))).as(Supplementary::new)
                .filter(s -> !s.newLines().isEmpty() || !s.changes().isEmpty()).map(s -> (Op) s);
        Arbitrary<Op> withdraw = Combinators.combine(line(), Arbitraries.of(true, false), line(), day(), Arbitraries.of(true, false))
                .as(Withdraw::new);
        Arbitrary<Op> reassign = Combinators.combine(line(), Arbitraries.integers().between(0, 2), day(), Arbitraries.of(true, false))
                .as(Reassign::new);
        Arbitrary<Op> correct = Combinators.combine(line(), Arbitraries.integers().between(1, 6),
                Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false)), Arbitraries.of(true, false)).as(Correct::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(8, add().map(a -> (Op) a)), Tuple.of(5, amend), Tuple.of(3, transfer), Tuple.of(2, supplementary),
                Tuple.of(1, withdraw), Tuple.of(2, reassign), Tuple.of(2, correct), Tuple.of(1, Arbitraries.just(new Check())));
        return op.list().ofMinSize(5).ofMaxSize(25);
    }

    // ---------------------------------------------------------------- the property

    @Property(tries = 20, shrinking = ShrinkingMode.BOUNDED)
    void readsRebuildsAndVerificationAgreeWithTheFoldOfTheStoredEvents(@ForAll("histories") List<Op> history, @ForAll long seed) {
        new History(ledger(), TRIES.incrementAndGet(), new Random(seed)).run(history);
    }

    /** One try: its namespace, the lines it added, and what the accepted requests imply for them. */
    private static final class History {

        private final Api api;
        private final StoredEvents store;
        private final EventStorageEngine events;
        private final JdbcClient jdbc;
        private final int year;
        private final String ns;
        private final Random random;
        private final List<String> lines = new ArrayList<>();
        /** Per line: its 会計, side, 款 and 項 ("-" for an unclassified line). */
        private final Map<String, String> kous = new HashMap<>();
        private final Map<String, Long> amounts = new HashMap<>();
        private final Map<String, Map<Long, Long>> plainAmendments = new HashMap<>();
        private final List<String> withdrawn = new ArrayList<>();
        private final List<Instant> marks = new ArrayList<>();
        private int names;

        History(ConfigurableApplicationContext context, int tryNumber, Random random) {
            this.api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            this.store = context.getBean(StoredEvents.class);
            this.events = context.getBean(EventStorageEngine.class);
            this.jdbc = context.getBean(JdbcClient.class);
            this.year = FIRST_YEAR + (tryNumber - 1) % YEARS;
            this.ns = "T" + tryNumber;
            this.random = random;
        }

        void run(List<Op> history) {
            for (Op op : history) {
                if (op instanceof Check) {
                    check(3);
                } else {
                    send(op);
                    if (random.nextInt(4) == 0) {
                        marks.add(Marks.mark());
                    }
                }
            }
            check(4);
            JsonNode replay = post("/api/audit/replays", """
                    {"fiscalYear": %d, "effectiveOn": "%s"}""".formatted(year, randomDay()), 200).body();
            assertThat(replay.get("matches").asBoolean()).as("the literal replay: %s", replay.get("differences")).isTrue();
            JsonNode verification = post("/api/audit/verify", "{}", 200).body();
            assertThat(verification.get("verified").asBoolean()).as("verify: %s", verification.get("problems")).isTrue();
            assertThat(verification.get("eventsChecked").asLong()).isEqualTo(store.count());
            if (random.nextInt(3) == 0) {
                aRebuildGivesTheSameTables();
            }
        }

        // ------------------------------------------------------------ sending

        private String department(int index) {
            return ns + "部" + index;
        }

        private String pick(int index) {
            return lines.isEmpty() ? "no-such-line" : lines.get(index % lines.size());
        }

        /** A line that {@code wanted} accepts if there is one, else any. */
        private String pick(int index, java.util.function.Predicate<String> wanted) {
            List<String> candidates = lines.stream().filter(wanted).toList();
            return candidates.isEmpty() ? pick(index) : candidates.get(index % candidates.size());
        }

        /** A line that {@code wanted} accepts if there is one, else one that {@code otherwise} accepts, else any. */
        private String pick(int index, java.util.function.Predicate<String> wanted, java.util.function.Predicate<String> otherwise) {
            return lines.stream().anyMatch(wanted) ? pick(index, wanted) : pick(index, otherwise);
        }

        private static String kou(Add add) {
            return add.classified() ? add.account() + "|" + add.revenue() + "|" + add.kan() + "|" + add.kou() : "-";
        }

        private LocalDate date(int day) {
            return FiscalYear.of(year).firstDay().plusDays(day);
        }

        private String partOfSet(boolean partOfSet) {
            return partOfSet ? ", \"partOfSet\": true" : "";
        }

        /** The fields of a new line, as {@code POST /api/initiatives} and an item of a supplementary budget take them. */
        private String lineFields(Add add) {
            StringBuilder json = new StringBuilder("\"fiscalYear\": %d, \"department\": \"%s\", \"name\": \"%s事業%d\", \"amountYen\": %d"
                    .formatted(year, department(add.department()), ns, ++names, add.amountYen()));
            if (add.category() >= 0 || !add.classified()) {
                int category = Math.max(add.category(), 0);
                json.append(", \"categoryCode\": \"%s-%d\", \"categoryName\": \"%s分類%d\"".formatted(ns, category, ns, category));
            }
            if (add.classified()) {
                json.append(", \"accountCode\": \"%s%d\", \"accountName\": \"%s会計%d\", \"side\": \"%s\"".formatted(ns.substring(1), add.account() + 1,
                        ns, add.account() + 1, add.revenue() ? "revenue" : "expenditure"));
                json.append(", \"subject\": {\"kan\": {\"code\": \"%d\", \"name\": \"款%d\"}, \"kou\": {\"code\": \"%d\", \"name\": \"項%d-%d\"}, "
                        .formatted(add.kan(), add.kan(), add.kou(), add.kan(), add.kou()));
                json.append("\"moku\": {\"code\": \"%d\", \"name\": \"目%d-%d-%d\"}".formatted(add.moku(), add.kan(), add.kou(), add.moku()));
                if (add.setsu() > 0) {
                    json.append(", \"setsu\": {\"code\": \"%d\", \"name\": \"節%d\"}".formatted(add.setsu(), add.setsu()));
                }
                json.append('}');
            }
            return json.toString();
        }

        private void send(Op op) {
            if (op instanceof Add add) {
                Api.Response response = write("/api/initiatives", "{" + lineFields(add) + ", \"effectiveDate\": \"%s\", \"reason\": \"当初予算\"%s}"
                        .formatted(date(add.day()), partOfSet(add.partOfSet())));
                if (response.status() == 201) {
                    added(response.text("id"), add);
                }
            } else if (op instanceof Amend amend) {
                String line = pick(amend.line());
                String body = amend.byDelta() ? "\"deltaYen\": " + amend.yen() : "\"newAmountYen\": " + Math.abs(amend.yen());
                Api.Response response = write("/api/initiatives/" + line + "/amendments", "{%s, \"effectiveDate\": \"%s\", \"reason\": \"修正\"%s}"
                        .formatted(body, date(amend.day()), partOfSet(amend.partOfSet())));
                if (response.status() == 200) {
                    long before = amounts.get(line);
                    long after = amend.byDelta() ? before + amend.yen() : Math.abs(amend.yen());
                    assertThat(response.number("amountYen")).as("the amount after %s", amend).isEqualTo(after);
                    amounts.put(line, after);
                    plainAmendments.computeIfAbsent(line, l -> new HashMap<>()).put(response.number("version"), after - before);
                }
            } else if (op instanceof Transfer transfer) {
                String from = pick(transfer.from());
                String to = transfer.sameKou()
                        ? pick(transfer.to(), l -> !l.equals(from) && kous.get(l).equals(kous.get(from)), l -> !l.equals(from))
                        : pick(transfer.to(), l -> !l.equals(from));
                Api.Response response = write("/api/transfers", """
                        {"fromId": "%s", "toId": "%s", "amountYen": %d, "effectiveDate": "%s", "reason": "流用"%s}"""
                        .formatted(from, to, transfer.amountYen(), date(transfer.day()), partOfSet(transfer.partOfSet())));
                if (response.status() == 201) {
                    amounts.merge(from, -transfer.amountYen(), Long::sum);
                    amounts.merge(to, transfer.amountYen(), Long::sum);
                }
            } else if (op instanceof Supplementary supplementary) {
                supplementary(supplementary);
            } else if (op instanceof Withdraw withdraw) {
                String line = pick(withdraw.line());
                String merged = withdraw.merged() ? ", \"kind\": \"MERGED\", \"mergedInto\": \"" + pick(withdraw.into()) + "\"" : "";
                Api.Response response = write("/api/initiatives/" + line + "/withdrawals", "{\"effectiveDate\": \"%s\", \"reason\": \"廃止\"%s%s}"
                        .formatted(date(withdraw.day()), merged, partOfSet(withdraw.partOfSet())));
                if (response.status() == 200) {
                    withdrawn.add(line);
                }
            } else if (op instanceof Reassign reassign) {
                write("/api/initiatives/" + pick(reassign.line()) + "/reassignments",
                        "{\"department\": \"%s\", \"effectiveDate\": \"%s\", \"reason\": \"組織改正\"%s}"
                                .formatted(department(reassign.department()), date(reassign.day()), partOfSet(reassign.partOfSet())));
            } else if (op instanceof Correct correct) {
                String line = correct.amended() ? pick(correct.line(), l -> !plainAmendments.getOrDefault(l, Map.of()).isEmpty())
                        : pick(correct.line());
                List<Long> amendments = new ArrayList<>(new java.util.TreeSet<>(plainAmendments.getOrDefault(line, Map.of()).keySet()));
                long sequence = correct.amended() && !amendments.isEmpty() ? amendments.get(correct.sequence() % amendments.size()) : correct.sequence();
                Api.Response response = write("/api/initiatives/" + line + "/corrections", "{\"sequence\": %d, \"reason\": \"誤り\"%s}"
                        .formatted(sequence, partOfSet(correct.partOfSet())));
                if (response.status() == 200) {
                    Long delta = plainAmendments.getOrDefault(line, Map.of()).get(sequence);
                    assertThat(delta).as("the event %d that %s corrected was a plain amendment recorded here", sequence, correct).isNotNull();
                    plainAmendments.get(line).remove(sequence);
                    amounts.merge(line, -delta, Long::sum);
                }
            }
        }

        private void supplementary(Supplementary supplementary) {
            List<String> items = new ArrayList<>();
            List<Tuple.Tuple2<String, Long>> changes = new ArrayList<>();
            List<Add> newLines = supplementary.newLines().stream().map(a -> new Add(a.classified(), supplementary.account(), a.revenue(), a.kan(),
                    a.kou(), a.moku(), a.setsu(), a.department(), a.category(), a.amountYen(), a.day(), a.partOfSet())).toList();
            for (Tuple.Tuple2<Integer, Long> change : supplementary.changes()) {
                String line = pick(change.get1(), l -> kous.get(l).startsWith(supplementary.account() + "|"));
                changes.add(Tuple.of(line, change.get2()));
                items.add("{\"initiativeId\": \"%s\", \"deltaYen\": %d}".formatted(line, change.get2()));
            }
            for (Add add : newLines) {
                items.add("{" + lineFields(add) + "}");
            }
            Api.Response response = write("/api/supplementary-budgets", """
                    {"fiscalYear": %d, "name": "%s補正%d", "resolvedOn": "%s", "reason": "補正", "items": [%s]%s}"""
                    .formatted(year, ns, ++names, date(supplementary.day()), String.join(", ", items), partOfSet(supplementary.partOfSet())));
            if (response.status() == 201) {
                changes.forEach(change -> amounts.merge(change.get1(), change.get2(), Long::sum));
                JsonNode ids = response.body().get("initiativeIds");
                for (int i = 0; i < newLines.size(); i++) {
                    added(ids.get(changes.size() + i).asText(), newLines.get(i));
                }
            }
        }

        private void added(String id, Add add) {
            lines.add(id);
            amounts.put(id, add.amountYen());
            kous.put(id, kou(add));
        }

        /** Sends a write: accepted (200, 201) or refused (4xx) having appended nothing. */
        private Api.Response write(String path, String json) {
            long before = store.count();
            Api.Response response = api.post(path, json);
            String write = path.startsWith("/api/initiatives/") ? path.substring(path.lastIndexOf('/') + 1) : path.substring("/api/".length());
            Statistics.label("writes").collect(write, response.status() < 300 ? "accepted"
                    : response.status() + " " + Optional.ofNullable(response.body()).map(b -> b.path("rule").asText(b.path("type").asText().replaceAll(".*/", ""))
                            + (response.status() == 400 ? " " + b.path("errors").path(0).path("field").asText() + " " + b.path("errors").path(0).path("reason").asText() : "")).orElse(""));
            assertThat(response.status()).as("%s %s: %s", path, json, response.raw()).isIn(200, 201, 400, 403, 404, 409, 412, 422);
            if (response.status() >= 400) {
                assertThat(store.count()).as("events after the refused %s %s: %s", path, json, response.raw()).isEqualTo(before);
            }
            return response;
        }

        private Api.Response post(String path, String json, int status) {
            Api.Response response = api.post(path, json);
            assertThat(response.status()).as("%s: %s", path, response.raw()).isEqualTo(status);
            return response;
        }

        // ------------------------------------------------------------ the fold of the stored events

        /** A line of the fiscal year as its events recorded by a moment tell it. */
        private static final class Line {
            final LocalDate from;
            final TreeMap<LocalDate, Long> changes = new TreeMap<>();
            final TreeMap<LocalDate, String> departments = new TreeMap<>();
            final TreeMap<LocalDate, Optional<Category>> categories = new TreeMap<>();
            final TreeMap<LocalDate, Optional<Classification>> classifications = new TreeMap<>();
            LocalDate withdrawnFrom;

            Line(LocalDate from) {
                this.from = from;
            }

            /** From {@code from} on, {@code value} replaces whatever was recorded for that day and later. */
            static <T> void setFrom(TreeMap<LocalDate, T> timeline, LocalDate from, T value) {
                timeline.tailMap(from, true).clear();
                timeline.put(from, value);
            }
        }

        /** One stored event of the year with the instant it was recorded. */
        private record Stored(Instant recordedAt, Object payload) {
        }

        private List<Stored> storedEvents() {
            List<Stored> stored = new ArrayList<>();
            FiscalYear fiscalYear = FiscalYear.of(year);
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
                stream.forEach(event -> {
                    Object payload = event.getPayload();
                    if (payload instanceof jp.budgetledger.core.api.LedgerEvent e && e.fiscalYear().equals(fiscalYear)) {
                        stored.add(new Stored(event.getTimestamp(), payload));
                    }
                });
            }
            return stored;
        }

        private static Map<String, Line> fold(List<Stored> stored, Instant asOf) {
            Map<String, Line> lines = new HashMap<>();
            for (Stored event : stored) {
                if (event.recordedAt().isAfter(asOf)) {
                    continue;
                }
                Object payload = event.payload();
                if (payload instanceof InitiativeAdded added) {
                    LocalDate from = added.change().effectiveDate();
                    Line line = new Line(from);
                    line.changes.put(from, added.amount().yen());
                    line.departments.put(from, added.department().name());
                    line.categories.put(from, Optional.ofNullable(added.category()));
                    line.classifications.put(from, Optional.ofNullable(added.classification()));
                    lines.put(added.initiativeId().value(), line);
                } else if (payload instanceof AmountAmended amended) {
                    lines.get(amended.initiativeId().value()).changes
                            .merge(amended.change().effectiveDate(), amended.amountAfter().yen() - amended.amountBefore().yen(), Long::sum);
                } else if (payload instanceof InitiativeWithdrawn withdrawn) {
                    lines.get(withdrawn.initiativeId().value()).withdrawnFrom = withdrawn.change().effectiveDate();
                } else if (payload instanceof InitiativeReassigned moved) {
                    Line line = lines.get(moved.initiativeId().value());
                    LocalDate from = moved.change().effectiveDate();
                    Line.setFrom(line.departments, from, moved.departmentAfter().name());
                    Line.setFrom(line.categories, from, Optional.ofNullable(moved.categoryAfter()));
                    Line.setFrom(line.classifications, from, Optional.ofNullable(moved.classificationAfter()));
                }
            }
            return lines;
        }

        /** What a moment's reads should give: per line in force its amount, department, category and 科目 tree nodes. */
        private record Expected(Map<String, Long> lineAmounts, Map<String, List<Long>> tree, Map<String, List<Long>> departments,
                                Map<String, List<Long>> categories, long total, int count) {
        }

        private Expected expected(List<Stored> stored, Instant asOf, LocalDate effectiveOn) {
            LocalDate day = effectiveOn.isAfter(FiscalYear.of(year).lastDay()) ? FiscalYear.of(year).lastDay() : effectiveOn;
            Map<String, Long> lineAmounts = new TreeMap<>();
            Map<String, List<Long>> tree = new TreeMap<>();
            Map<String, List<Long>> departments = new TreeMap<>();
            Map<String, List<Long>> categories = new TreeMap<>();
            long total = 0;
            int count = 0;
            for (Map.Entry<String, Line> entry : fold(stored, asOf).entrySet()) {
                Line line = entry.getValue();
                if (line.from.isAfter(day) || (line.withdrawnFrom != null && !day.isBefore(line.withdrawnFrom))) {
                    continue;
                }
                long amount = line.changes.headMap(day, true).values().stream().mapToLong(Long::longValue).sum();
                lineAmounts.put(entry.getKey(), amount);
                total += amount;
                count++;
                add(departments, line.departments.floorEntry(day).getValue(), amount);
                line.categories.floorEntry(day).getValue().ifPresent(c -> add(categories, c.code() + " " + c.name(), amount));
                Optional<Classification> classification = line.classifications.floorEntry(day).getValue();
                if (classification.isEmpty()) {
                    add(tree, "account - 未分類", amount);
                    continue;
                }
                Classification c = classification.get();
                String path = "account " + node(c.account());
                add(tree, path, amount);
                path += " / side " + c.side().code();
                add(tree, path, amount);
                List<SubjectLevel> levels = new ArrayList<>(List.of(c.subject().kan(), c.subject().kou(), c.subject().moku()));
                List<String> names = new ArrayList<>(List.of("kan", "kou", "moku"));
                for (var optional : List.of(Map.entry("jigyou", Optional.ofNullable(c.subject().jigyou())),
                        Map.entry("setsu", Optional.ofNullable(c.subject().setsu())), Map.entry("saisetsu", Optional.ofNullable(c.subject().saisetsu())))) {
                    if (optional.getValue().isEmpty()) {
                        continue;
                    }
                    levels.add(optional.getValue().get());
                    names.add(optional.getKey());
                }
                for (int i = 0; i < levels.size(); i++) {
                    path += " / " + names.get(i) + " " + node(levels.get(i));
                    add(tree, path, amount);
                }
            }
            return new Expected(lineAmounts, tree, departments, categories, total, count);
        }

        private static String node(SubjectLevel level) {
            return (level.code() == null ? "-" : level.code()) + " " + level.name();
        }

        private static void add(Map<String, List<Long>> totals, String key, long amount) {
            totals.merge(key, List.of(amount, 1L), (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
        }

        // ------------------------------------------------------------ the reads

        private JsonNode read(String path, long head) {
            Api.Response response = api.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + head);
            assertThat(response.status()).as("%s: %s", path, response.raw()).isEqualTo(200);
            return response.body();
        }

        private static void flatten(JsonNode nodes, String prefix, Map<String, List<Long>> into) {
            for (JsonNode n : nodes) {
                String level = n.get("level").asText();
                String key = prefix + level + " " + (level.equals("side") ? n.get("code").asText()
                        : (n.get("code").isNull() ? "-" : n.get("code").asText()) + " " + n.get("name").asText());
                into.put(key, List.of(n.get("totalYen").asLong(), n.get("lineCount").asLong()));
                flatten(n.get("children"), key + " / ", into);
            }
        }

        private static Map<String, List<Long>> totals(JsonNode rows, String... keys) {
            Map<String, List<Long>> totals = new TreeMap<>();
            for (JsonNode row : rows) {
                if (row.get("initiativeCount").asLong() == 0 && row.get("totalYen").asLong() == 0) {
                    continue;
                }
                List<String> key = new ArrayList<>();
                for (String k : keys) {
                    key.add(row.get(k).asText());
                }
                totals.put(String.join(" ", key), List.of(row.get("totalYen").asLong(), row.get("initiativeCount").asLong()));
            }
            return totals;
        }

        private LocalDate randomDay() {
            return date(random.nextInt(FiscalYear.of(year).firstDay().lengthOfYear() == 366 ? 366 : 365));
        }

        /** Checks {@code moments} random moments, the current totals and the lines against the fold of the stored events. */
        private void check(int moments) {
            long head = store.head();
            List<Stored> stored = storedEvents();
            Instant now = Instant.now();
            for (int i = 0; i < moments; i++) {
                int kind = random.nextInt(4);
                Instant asOf = now;
                if (kind == 1 && !marks.isEmpty()) {
                    asOf = marks.get(random.nextInt(marks.size()));
                } else if (kind >= 2 && !stored.isEmpty()) {
                    Instant recorded = stored.get(random.nextInt(stored.size())).recordedAt();
                    asOf = random.nextBoolean() ? recorded : recorded.minus(1, ChronoUnit.MICROS);
                }
                LocalDate effectiveOn = i == 0 ? FiscalYear.of(year).lastDay() : randomDay();
                String at = "&asOf=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8) + "&effectiveOn=" + effectiveOn;
                String moment = "asOf " + asOf + ", effectiveOn " + effectiveOn;
                Expected expected = expected(stored, asOf, effectiveOn);
                Map<String, List<Long>> tree = new TreeMap<>();
                flatten(read("/api/totals/tree?depth=saisetsu&fiscalYear=" + year + at, head), "", tree);
                assertThat(tree).as("the 科目 tree at " + moment).isEqualTo(expected.tree());
                assertThat(totals(read("/api/totals/departments?fiscalYear=" + year + at, head), "department"))
                        .as("the departments at " + moment).isEqualTo(expected.departments());
                assertThat(totals(read("/api/totals/categories?fiscalYear=" + year + at, head), "categoryCode", "categoryName"))
                        .as("the categories at " + moment).isEqualTo(expected.categories());
                JsonNode total = read("/api/totals?fiscalYear=" + year + at, head);
                assertThat(List.of(total.get("totalYen").asLong(), total.get("initiativeCount").asLong()))
                        .as("the total at " + moment).isEqualTo(List.of(expected.total(), (long) expected.count()));
            }
            Expected current = expected(stored, Instant.MAX, FiscalYear.of(year).lastDay());
            assertThat(totals(read("/api/totals/departments?fiscalYear=" + year, head), "department")).as("the current departments")
                    .isEqualTo(current.departments());
            assertThat(totals(read("/api/totals/categories?fiscalYear=" + year, head), "categoryCode", "categoryName"))
                    .as("the current categories").isEqualTo(current.categories());
            JsonNode total = read("/api/totals?fiscalYear=" + year, head);
            assertThat(List.of(total.get("totalYen").asLong(), total.get("initiativeCount").asLong())).as("the current total")
                    .isEqualTo(List.of(current.total(), (long) current.count()));

            Map<String, Long> implied = new TreeMap<>();
            amounts.forEach((line, amount) -> {
                if (!withdrawn.contains(line)) {
                    implied.put(line, amount);
                }
            });
            Map<String, Long> folded = new TreeMap<>(current.lineAmounts());
            folded.keySet().retainAll(amounts.keySet());
            assertThat(folded).as("the amounts of this history's lines the stored events give").isEqualTo(implied);
            Map<String, String> listed = new TreeMap<>();
            for (JsonNode line : read("/api/initiatives?fiscalYear=" + year, head)) {
                String id = line.get("id").asText();
                if (amounts.containsKey(id)) {
                    String status = line.get("status").asText();
                    listed.put(id, status.equals("ACTIVE") ? line.get("amountYen").asLong() + " " + status : status);
                }
            }
            Map<String, String> statuses = new TreeMap<>();
            amounts.forEach((id, amount) -> statuses.put(id, withdrawn.contains(id) ? "WITHDRAWN" : amount + " ACTIVE"));
            assertThat(listed).as("this history's lines as listed").isEqualTo(statuses);
        }

        // ------------------------------------------------------------ rebuilds

        private Map<String, List<String>> tables() {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            TABLES.forEach((table, query) -> tables.put(table, jdbc.sql(query).query(String.class).list().stream().sorted().toList()));
            return tables;
        }

        private void aRebuildGivesTheSameTables() {
            long head = store.head();
            awaitProjectionsAt(head);
            Map<String, List<String>> before = tables();
            Map<String, Long> generations = new HashMap<>();
            for (String name : REBUILT) {
                generations.put(name, post("/api/admin/projections/" + name + "/rebuild", "", 202).number("generation"));
            }
            await("the rebuilds of " + REBUILT).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (JsonNode status : api.get("/api/admin/projections").body()) {
                    String name = status.get("name").asText();
                    if (generations.containsKey(name) && (status.get("generation").asLong() != generations.get(name)
                            || !status.get("state").asText().equals("done"))) {
                        return false;
                    }
                }
                return true;
            });
            awaitProjectionsAt(head);
            Map<String, List<String>> after = tables();
            for (String table : TABLES.keySet()) {
                assertThat(after.get(table)).as("the rows of %s after a rebuild", table).isEqualTo(before.get(table));
            }
        }

        /** Waits for the rebuilt read models to have every event up to {@code head}. */
        private void awaitProjectionsAt(long head) {
            read("/api/totals?fiscalYear=" + year, head);
            read("/api/initiatives?fiscalYear=" + year, head);
            read("/api/totals/tree?fiscalYear=" + year, head);
        }
    }
}
