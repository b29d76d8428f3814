package jp.budgetledger.app.backup;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.app.cli.LedgerCli;
import jp.budgetledger.core.document.BundledSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** export-events from one ledger, import-events into an empty one: verify passes, the digest is the same, every total is equal. */
class BackupRestoreIT {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(Path data, boolean sample) {
        List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + data, "--server.port=0", "--ledger.sample.load=" + sample,
                "--ledger.approval.required-for="));
        arguments.addAll(TestUsers.arguments());
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** A classified line of 2134 (一般会計, 歳出, 款 2 {@code kan}), in {@code department}. */
    private static String classified(String department, String kan) {
        return """
                {"fiscalYear": 2134, "categoryCode": "1", "categoryName": "分類", "department": "%s", "name": "一般管理費", "amountYen": 1000,
                 "reason": "当初予算", "accountCode": "1", "accountName": "一般会計", "side": "expenditure",
                 "subject": {"kan": {"code": "2", "name": "%s"}, "kou": {"code": "1", "name": "総務管理費"},
                             "moku": {"code": "1", "name": "一般管理費"}}}"""
                .formatted(department, kan);
    }

    /** The bundled sample imported as fiscal year 2133 (the sample's own 2020 has ended: its lines no longer change). */
    private static long importTheSample(Api api) {
        Api.Response imported = api.post("/api/imports?fiscalYear=2133", "text/plain; charset=UTF-8",
                HttpRequest.BodyPublishers.ofByteArray(BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY)), false);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        return imported.number("position");
    }

    @Test
    void aRestoredStoreVerifiesWithTheSameDigestAndGivesTheSameTotals() throws Exception {
        Path source = dir.resolve("source");
        Path target = dir.resolve("target");
        Path backup = dir.resolve("events.ndjson");
        String digest;
        String sample;
        String departments;
        String stages;
        try (ConfigurableApplicationContext ledger = start(source, true)) {
            Api api = api(ledger);
            long imported = importTheSample(api);
            String id = api.get("/api/initiatives?fiscalYear=2133&categoryCode=4&minPosition=" + imported).body().get(0).get("id").asText();
            api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": 1000000, \"effectiveDate\": \"2133-10-01\", \"reason\": \"補正\"}");
            api.post("/api/initiatives", line(2134, "1", "分類", "総務部", "新年度事業", 5_000_000));
            assertThat(api.post("/api/initiatives", classified("総務課", "総務費")).status()).isEqualTo(201);
            long last = api.post("/api/initiatives/" + id + "/withdrawals", "{\"reason\": \"廃止\", \"effectiveDate\": \"2134-01-01\"}").number("position");
            api.get("/api/totals?fiscalYear=2133&minPosition=" + last);
            digest = api.get("/api/audit/digest").body().get("digest").asText();
            sample = api.get("/api/totals/departments?fiscalYear=2020").raw();
            departments = api.get("/api/totals/departments?fiscalYear=2133&effectiveOn=2133-12-01").raw();
            stages = api.get("/api/totals?fiscalYear=2134").raw();
        }
        assertThat(LedgerCli.run(new String[]{"export-events", backup.toString(), "--ledger.data-dir=" + source})).isZero();
        assertThat(Files.readAllLines(backup)).as("the sample's 17, its copy's 17 and 4 changes").hasSize(38)
                .allSatisfy(l -> assertThat(l).contains("\"hash\":\""));

        assertThat(LedgerCli.run(new String[]{"import-events", backup.toString(), "--ledger.data-dir=" + target})).isZero();
        assertThat(LedgerCli.run(new String[]{"import-events", backup.toString(), "--ledger.data-dir=" + target})).isEqualTo(1);

        try (ConfigurableApplicationContext restored = start(target, true)) {
            Api api = api(restored);
            api.get("/api/totals?fiscalYear=2133&minPosition=38");
            var verify = api.post("/api/audit/verify", "{}");
            assertThat(verify.body().get("verified").asBoolean()).as(verify.raw()).isTrue();
            assertThat(verify.body().at("/digest/digest").asText()).isEqualTo(digest);
            assertThat(api.get("/api/totals/departments?fiscalYear=2020").raw()).isEqualTo(sample);
            assertThat(api.get("/api/totals/departments?fiscalYear=2133&effectiveOn=2133-12-01").raw()).isEqualTo(departments);
            assertThat(api.get("/api/totals?fiscalYear=2134").raw()).isEqualTo(stages);
            assertThat(api.post("/api/initiatives", line(2134, "1", "分類", "総務部", "新年度事業", 1)).status()).isEqualTo(409);
            assertThat(api.post("/api/initiatives", classified("総務課", "総務費")).status()).as("its 科目 path and department").isEqualTo(409);
            assertThat(api.post("/api/initiatives", classified("企画課", "総務費用")).status()).as("the 科目 table of 2134").isEqualTo(422);
            assertThat(api.post("/api/initiatives", classified("企画課", "総務費")).status()).isEqualTo(201);
        }
    }

    /** A line of 一般会計 of 2135 on {@code side} (目 {@code moku}) with {@code more} fields. */
    private static String sided(String side, String moku, long yen, String more) {
        return """
                {"fiscalYear": 2135, "department": "財政課", "name": "目%s", "amountYen": %d, "reason": "当初予算", "accountCode": "1",
                 "accountName": "一般会計", "side": "%s", "subject": {"kan": {"code": "1", "name": "款"}, "kou": {"code": "1", "name": "項"},
                 "moku": {"code": "%s", "name": "目%s"}}%s}""".formatted(moku, yen, side, moku, moku, more);
    }

    private static String amendment(long delta, String more) {
        return "{\"deltaYen\": " + delta + ", \"reason\": \"補正\"" + more + "}";
    }

    @Test
    void aRestoredStoreKeepsTheBalanceOfEachAccount() throws Exception {
        String expenditure;
        String revenue;
        try (ConfigurableApplicationContext ledger = start(dir.resolve("source"), false)) {
            Api api = api(ledger);
            expenditure = api.post("/api/initiatives", sided("expenditure", "1", 1_000, "")).text("id");
            revenue = api.post("/api/initiatives", sided("revenue", "1", 600, ", \"partOfSet\": true")).text("id");
            assertThat(api.post("/api/initiatives", sided("revenue", "2", 400, "")).status()).isEqualTo(201);
            String extra = api.post("/api/initiatives", sided("revenue", "3", 50, ", \"partOfSet\": true")).text("id");
            assertThat(api.post("/api/initiatives/" + extra + "/withdrawals", "{\"reason\": \"廃止\", \"partOfSet\": true}").status())
                    .isEqualTo(200);
            assertThat(api.post("/api/initiatives/" + expenditure + "/amendments", amendment(10, ", \"partOfSet\": true")).status())
                    .isEqualTo(200);
            assertThat(api.post("/api/initiatives/" + revenue + "/amendments", amendment(10, "")).status()).isEqualTo(200);
        }
        Path backup = dir.resolve("events.ndjson");
        for (String[] run : new String[][]{{"export-events", "source"}, {"import-events", "target"}}) {
            assertThat(LedgerCli.run(new String[]{run[0], backup.toString(), "--ledger.data-dir=" + dir.resolve(run[1])})).isZero();
        }

        try (ConfigurableApplicationContext restored = start(dir.resolve("target"), false)) {
            Api api = api(restored);
            Api.Response refused = api.post("/api/initiatives/" + expenditure + "/amendments", amendment(1, ""));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
            assertThat(refused.text("rule")).isEqualTo("unbalanced-account");
            assertThat(refused.number("revenueYen")).as("600 + 10 + 400; the withdrawn 50 not counted").isEqualTo(1_010);
            assertThat(refused.number("expenditureYen")).isEqualTo(1_011);
            assertThat(api.post("/api/initiatives/" + expenditure + "/amendments", amendment(1, ", \"partOfSet\": true")).status())
                    .isEqualTo(200);
            assertThat(api.post("/api/initiatives/" + revenue + "/amendments", amendment(1, "")).status()).as("balanced again").isEqualTo(200);
        }
    }

    @Test
    void aRestoredStoreNumbersTheNextBillOnFromTheLastOfItsSeries() throws Exception {
        String bill = """
                {"fiscalYear": 2136, "name": "補正", "procedure": "assembly", "submittedOn": "2136-09-01",
                 "items": [{"initiativeId": "%s", "deltaYen": 1000}]}""";
        String line;
        try (ConfigurableApplicationContext ledger = start(dir.resolve("source"), false)) {
            Api api = api(ledger);
            line = api.post("/api/initiatives", line(2136, "1", "分類", "総務部", "補正される事業", 5_000)).text("id");
            assertThat(api.post("/api/supplementary-budgets", bill.formatted(line)).number("number")).isEqualTo(1);
            assertThat(api.post("/api/supplementary-budgets", """
                    {"fiscalYear": 2136, "name": "補正", "resolvedOn": "2136-12-01", "items": [{"initiativeId": "%s", "deltaYen": 1}]}"""
                    .formatted(line)).number("number")).isEqualTo(2);
        }
        Path backup = dir.resolve("bills.ndjson");
        for (String[] run : new String[][]{{"export-events", "source"}, {"import-events", "target"}}) {
            assertThat(LedgerCli.run(new String[]{run[0], backup.toString(), "--ledger.data-dir=" + dir.resolve(run[1])})).isZero();
        }

        try (ConfigurableApplicationContext restored = start(dir.resolve("target"), false)) {
            Api.Response third = api(restored).post("/api/supplementary-budgets", bill.formatted(line));
            assertThat(third.status()).as(third.raw()).isEqualTo(201);
            assertThat(third.number("number")).isEqualTo(3);
            assertThat(third.text("title")).isEqualTo("令和118年度補正予算（第3号）");
        }
    }

    /** Runs import-events of {@code file} into {@code data}, returning the exit code and what it printed. */
    private static Map.Entry<Integer, String> importEvents(Path file, Path data) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            int code = LedgerCli.run(new String[]{"import-events", file.toString(), "--ledger.data-dir=" + data});
            return Map.entry(code, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void anImportIsAllOrNothingAndRefusesRowsWithoutAHashOrWithABrokenChain() throws Exception {
        try (ConfigurableApplicationContext ledger = start(dir.resolve("source"), false)) {
            Api api = api(ledger);
            String first = api.post("/api/initiatives", line(2139, "1", "分類", "総務部", "一つ目", 5_000)).text("id");
            api.post("/api/initiatives", line(2139, "1", "分類", "総務部", "二つ目", 7_000));
            assertThat(api.post("/api/initiatives/" + first + "/amendments", amendment(10, "")).status()).isEqualTo(200);
            assertThat(api.post("/api/initiatives/" + first + "/amendments", amendment(20, "")).status()).isEqualTo(200);
        }
        Path backup = dir.resolve("events.ndjson");
        assertThat(LedgerCli.run(new String[]{"export-events", backup.toString(), "--ledger.data-dir=" + dir.resolve("source")})).isZero();
        List<String> rows = Files.readAllLines(backup);
        assertThat(rows).hasSize(4);
        Path target = dir.resolve("target");

        List<String> unreadableLast = new ArrayList<>(rows.subList(0, 3));
        unreadableLast.add(rows.get(3).substring(0, rows.get(3).length() / 2));
        Map.Entry<Integer, String> unreadable = importEvents(Files.write(dir.resolve("unreadable.ndjson"), unreadableLast), target);
        assertThat(unreadable.getKey()).isEqualTo(1);
        assertThat(unreadable.getValue()).contains("line 4");

        List<String> withoutHash = new ArrayList<>(rows);
        withoutHash.set(1, rows.get(1).replaceAll("\"hash\":\"[0-9a-f]{64}\"}$", "\"hash\":null}"));
        assertThat(withoutHash.get(1)).isNotEqualTo(rows.get(1));
        Map.Entry<Integer, String> noHash = importEvents(Files.write(dir.resolve("no-hash.ndjson"), withoutHash), target);
        assertThat(noHash.getKey()).isEqualTo(1);
        assertThat(noHash.getValue()).contains("line 2 (position 2)", "no hash");

        List<String> gap = new ArrayList<>(rows);
        gap.remove(2);
        Map.Entry<Integer, String> broken = importEvents(Files.write(dir.resolve("gap.ndjson"), gap), target);
        assertThat(broken.getKey()).isEqualTo(1);
        assertThat(broken.getValue()).contains("line 3 (position 4)", "expected sequence 1, found 2");

        List<String> reordered = new ArrayList<>(rows);
        String third = rows.get(2).replaceFirst("\"position\":3,", "\"position\":5,");
        reordered.set(2, rows.get(3).replaceFirst("\"position\":4,", "\"position\":3,"));
        reordered.set(3, third);
        Map.Entry<Integer, String> swapped = importEvents(Files.write(dir.resolve("swapped.ndjson"), reordered), target);
        assertThat(swapped.getKey()).isEqualTo(1);
        assertThat(swapped.getValue()).contains("line 3 (position 3)", "expected sequence 1, found 2");

        Map.Entry<Integer, String> whole = importEvents(backup, target);
        assertThat(whole.getKey()).as("every refused import left the store empty: " + whole.getValue()).isZero();
        assertThat(whole.getValue()).contains("4 events restored (last position 4)");
    }
}
