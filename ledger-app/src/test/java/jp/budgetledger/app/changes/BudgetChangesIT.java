package jp.budgetledger.app.changes;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/** Supplementary budgets, transfers, withdrawals, revisions, reassignments and corrections; each test owns a fiscal year. */
class BudgetChangesIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    long lastPosition;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String add(int year, String category, String department, String name, long yen) {
        Api.Response response = api.post("/api/initiatives", line(year, category, "分類" + category, department, name, yen));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        lastPosition = response.number("position");
        return response.text("id");
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private JsonNode get(String path, long position) {
        return api.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position).body();
    }

    private void assertReplayMatches(int year, String effectiveOn) {
        Api.Response replay = api.post("/api/audit/replays", "{\"fiscalYear\": " + year + ", \"effectiveOn\": \"" + effectiveOn + "\"}");
        assertThat(replay.body().get("matches").asBoolean()).as(replay.body().get("differences").toString()).isTrue();
    }

    @Test
    void aSupplementaryBudgetWithFourNewLinesAndTwoIncreasesAppliesAtomicallyAndTheStageReportShowsBeforeChangeAndAfter() {
        String a = add(2080, "1", "総務部", "既存A", 1_000_000);
        String b = add(2080, "2", "出納局", "既存B", 2_000_000);
        Api.Response enacted = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2080, "name": "9月補正（2次分）", "reference": "議案第49号", "resolvedOn": "2080-09-30",
                 "items": [
                   {"initiativeId": "%s", "deltaYen": 300000},
                   {"initiativeId": "%s", "deltaYen": 500000},
                   {"categoryCode": "1", "categoryName": "分類1", "department": "総務部", "name": "新規1", "summary": "新設", "amountYen": 100000},
                   {"categoryCode": "1", "categoryName": "分類1", "department": "出納局", "name": "新規2", "amountYen": 200000},
                   {"categoryCode": "3", "categoryName": "分類3", "department": "総務部", "name": "新規3", "amountYen": 300000},
                   {"fiscalYear": 2080, "categoryCode": "3", "categoryName": "分類3", "department": "教育委員会", "name": "新規4", "amountYen": 400000}
                 ]}""".formatted(a, b));
        assertThat(enacted.status()).as(enacted.raw()).isEqualTo(201);
        assertThat(enacted.number("deltaYen")).isEqualTo(1_800_000);
        long position = enacted.number("position");
        String budget = enacted.text("id");

        assertThat(get("/api/totals?fiscalYear=2080", position).get("totalYen").asLong()).isEqualTo(4_800_000);
        assertThat(get("/api/totals?fiscalYear=2080&stage=initial", position).get("totalYen").asLong()).isEqualTo(3_000_000);
        assertThat(get("/api/totals?fiscalYear=2080&stage=" + budget, position).get("totalYen").asLong()).isEqualTo(4_800_000);
        assertThat(get("/api/totals?fiscalYear=2080&stage=initial", position).get("initiativeCount").asInt()).isEqualTo(2);
        assertThat(get("/api/totals/departments?fiscalYear=2080&stage=initial", position).toString())
                .isEqualTo("[{\"department\":\"総務部\",\"totalYen\":1000000,\"initiativeCount\":1},"
                        + "{\"department\":\"出納局\",\"totalYen\":2000000,\"initiativeCount\":1}]");

        JsonNode list = get("/api/supplementary-budgets?fiscalYear=2080", position);
        assertThat(list).singleElement().satisfies(sb -> {
            assertThat(sb.get("name").asText()).isEqualTo("9月補正（2次分）");
            assertThat(sb.get("itemCount").asInt()).isEqualTo(6);
            assertThat(sb.get("newLines").asInt()).isEqualTo(4);
            assertThat(sb.get("deltaYen").asLong()).isEqualTo(1_800_000);
        });

        JsonNode stages = get("/api/reports/stages?fiscalYear=2080", position).get("stages");
        assertThat(stages).hasSize(2);
        JsonNode stage = stages.get(1);
        assertThat(stage.get("stage").asText()).isEqualTo(budget);
        assertThat(stage.get("beforeYen").asLong()).isEqualTo(3_000_000);
        assertThat(stage.get("changeYen").asLong()).isEqualTo(1_800_000);
        assertThat(stage.get("afterYen").asLong()).isEqualTo(4_800_000);
        assertThat(stage.get("lines")).hasSize(6);
        assertThat(stage.get("lines")).anySatisfy(l -> {
            assertThat(l.get("key").asText()).isEqualTo(a);
            assertThat(l.get("beforeYen").asLong()).isEqualTo(1_000_000);
            assertThat(l.get("changeYen").asLong()).isEqualTo(300_000);
            assertThat(l.get("afterYen").asLong()).isEqualTo(1_300_000);
        });
        assertThat(stage.get("departments")).extracting(d -> d.get("key").asText() + ":" + d.get("beforeYen").asLong() + "+"
                        + d.get("changeYen").asLong() + "=" + d.get("afterYen").asLong())
                .containsExactlyInAnyOrder("総務部:1000000+700000=1700000", "出納局:2000000+700000=2700000", "教育委員会:0+400000=400000");
        assertThat(stage.get("categories")).extracting(c -> c.get("key").asText() + "=" + c.get("afterYen").asLong())
                .containsExactlyInAnyOrder("1=1600000", "2=2500000", "3=700000");

        JsonNode history = api.get("/api/initiatives/" + a + "/history").body();
        assertThat(history.get(1).get("reason").asText()).isEqualTo("9月補正（2次分）");
        assertThat(history.get(1).get("effectiveDate").asText()).isEqualTo("2080-09-30");
        assertThat(history.get(1).get("reference").asText()).isEqualTo("議案第49号");
        assertReplayMatches(2080, "2080-09-29");
        assertReplayMatches(2080, "2080-09-30");
    }

    @Test
    void anInvalidItemMakesTheWholeSupplementaryBudgetFailWithNothingRecorded() {
        String a = add(2081, "1", "総務部", "既存A", 1_000_000);
        long before = events();
        Api.Response rejected = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2081, "name": "6月補正", "resolvedOn": "2081-06-30",
                 "items": [
                   {"initiativeId": "%s", "deltaYen": 100000},
                   {"categoryCode": "1", "categoryName": "分類1", "department": "総務部", "name": "新規", "amountYen": 100000},
                   {"initiativeId": "%s", "deltaYen": -5000000}
                 ]}""".formatted(a, a));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().at("/errors/0/field").asText()).startsWith("items[2]");
        Api.Response negative = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2081, "name": "6月補正", "resolvedOn": "2081-06-30",
                 "items": [
                   {"categoryCode": "1", "categoryName": "分類1", "department": "総務部", "name": "新規", "amountYen": 100000},
                   {"initiativeId": "%s", "deltaYen": -5000000}
                 ]}""".formatted(a));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.body().get("rule").asText()).isEqualTo("negative-amount");
        assertThat(negative.body().at("/errors/0/field").asText()).isEqualTo("items[1].deltaYen");
        Api.Response unknown = api.post("/api/supplementary-budgets",
                "{\"fiscalYear\": 2081, \"name\": \"補正\", \"resolvedOn\": \"2081-06-30\", \"items\": [{\"initiativeId\": \"nope\", \"deltaYen\": 1}]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("rule").asText()).isEqualTo("unknown-line");
        assertThat(events()).isEqualTo(before);
        assertThat(api.get("/api/initiatives?fiscalYear=2081&minPosition=" + lastPosition).body()).hasSize(1);
    }

    @Test
    void aTransferChangesBothLinesWhoseHistoriesPointToItAndAnOverdrawChangesNeither() {
        String from = add(2082, "1", "総務部", "流用元", 1_000_000);
        String to = add(2082, "2", "出納局", "流用先", 500_000);
        Api.Response transfer = api.post("/api/transfers",
                "{\"fromId\": \"" + from + "\", \"toId\": \"" + to + "\", \"amountYen\": 300000, \"effectiveDate\": \"2082-11-01\", \"reason\": \"流用\"}");
        assertThat(transfer.status()).as(transfer.raw()).isEqualTo(201);
        long position = transfer.number("position");
        assertThat(get("/api/initiatives/" + from, position).get("amountYen").asLong()).isEqualTo(700_000);
        assertThat(get("/api/initiatives/" + to, position).get("amountYen").asLong()).isEqualTo(800_000);
        String transferId = transfer.text("id");
        for (String line : List.of(from, to)) {
            JsonNode last = api.get("/api/initiatives/" + line + "/history").body().get(1);
            assertThat(last.at("/changes/cause/kind").asText()).isEqualTo("transfer");
            assertThat(last.at("/changes/cause/id").asText()).isEqualTo(transferId);
        }
        assertThat(get("/api/totals/departments?fiscalYear=2082&effectiveOn=2082-10-31", position).toString())
                .contains("\"総務部\",\"totalYen\":1000000").contains("\"出納局\",\"totalYen\":500000");
        assertThat(get("/api/totals/departments?fiscalYear=2082&effectiveOn=2082-11-01", position).toString())
                .contains("\"総務部\",\"totalYen\":700000").contains("\"出納局\",\"totalYen\":800000");

        long before = events();
        Api.Response overdraw = api.post("/api/transfers",
                "{\"fromId\": \"" + from + "\", \"toId\": \"" + to + "\", \"amountYen\": 700001, \"reason\": \"流用\"}");
        assertThat(overdraw.status()).isEqualTo(422);
        assertThat(overdraw.body().get("rule").asText()).isEqualTo("negative-amount");
        assertThat(events()).isEqualTo(before);
        assertThat(api.get("/api/initiatives/" + from).number("amountYen")).isEqualTo(700_000);
        assertThat(api.get("/api/initiatives/" + to).number("amountYen")).isEqualTo(800_000);
        assertReplayMatches(2082, "2082-11-01");
    }

    @Test
    void aWithdrawnLineIsZeroExcludedFromCountsFromItsDateKeptInHistoryAndCannotChange() {
        String a = add(2083, "1", "総務部", "廃止事業", 1_000_000);
        add(2083, "1", "総務部", "継続事業", 500_000);
        Api.Response withdrawn = api.post("/api/initiatives/" + a + "/withdrawals", "{\"effectiveDate\": \"2083-10-01\", \"reason\": \"事業廃止\"}");
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        long position = withdrawn.number("position");
        JsonNode line = get("/api/initiatives/" + a, position);
        assertThat(line.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(line.get("amountYen").asLong()).isZero();
        JsonNode total = get("/api/totals?fiscalYear=2083", position);
        assertThat(total.get("totalYen").asLong()).isEqualTo(500_000);
        assertThat(total.get("initiativeCount").asInt()).isEqualTo(1);
        JsonNode september = get("/api/totals?fiscalYear=2083&effectiveOn=2083-09-30", position);
        assertThat(september.get("totalYen").asLong()).isEqualTo(1_500_000);
        assertThat(september.get("initiativeCount").asInt()).isEqualTo(2);
        assertThat(api.get("/api/initiatives/" + a + "/history").body()).extracting(h -> h.get("type").asText())
                .containsExactly("InitiativeAdded", "InitiativeWithdrawn");

        Api.Response amend = api.post("/api/initiatives/" + a + "/amendments", "{\"deltaYen\": 1, \"reason\": \"増額\"}");
        assertThat(amend.status()).isEqualTo(409);
        assertThat(amend.body().get("rule").asText()).isEqualTo("line-withdrawn");
        assertReplayMatches(2083, "2083-09-30");
        assertReplayMatches(2083, "2083-10-01");
    }

    @Test
    void revisingAndReassigningMoveTheLineOnBothTimeAxes() {
        String a = add(2084, "1", "総務部", "旧名称", 1_000_000);
        Api.Response revised = api.post("/api/initiatives/" + a + "/revisions", "{\"name\": \"新名称\", \"summary\": \"新しい概要\", \"reason\": \"名称変更\"}");
        assertThat(revised.status()).as(revised.raw()).isEqualTo(200);
        Api.Response moved = api.post("/api/initiatives/" + a + "/reassignments",
                "{\"department\": \"デジタル推進局\", \"categoryCode\": \"2\", \"categoryName\": \"分類2\", \"effectiveDate\": \"2084-10-01\", \"reason\": \"組織改正\"}");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        long position = moved.number("position");
        JsonNode line = get("/api/initiatives/" + a, position);
        assertThat(line.get("name").asText()).isEqualTo("新名称");
        assertThat(line.get("summary").asText()).isEqualTo("新しい概要");
        assertThat(line.get("department").asText()).isEqualTo("デジタル推進局");
        assertThat(get("/api/totals/departments?fiscalYear=2084", position).toString())
                .isEqualTo("[{\"department\":\"デジタル推進局\",\"totalYen\":1000000,\"initiativeCount\":1}]");
        assertThat(get("/api/totals/departments?fiscalYear=2084&effectiveOn=2084-09-30", position).toString())
                .isEqualTo("[{\"department\":\"総務部\",\"totalYen\":1000000,\"initiativeCount\":1}]");
        assertThat(get("/api/totals/categories?fiscalYear=2084&effectiveOn=2084-10-01", position).get(0).get("categoryCode").asText())
                .isEqualTo("2");
        Api.Response taken = api.post("/api/initiatives", line(2084, "1", "分類1", "デジタル推進局", "新名称", 1));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("existingId")).isEqualTo(a);
        assertReplayMatches(2084, "2084-09-30");
        assertReplayMatches(2084, "2084-10-01");
    }

    @Test
    void aCorrectionReversesOneAmendmentAndHistoryShowsThePair() {
        String a = add(2085, "1", "総務部", "訂正事業", 1_000_000);
        Api.Response mistake = api.post("/api/initiatives/" + a + "/amendments", "{\"deltaYen\": 9000000, \"effectiveDate\": \"2085-07-01\", \"reason\": \"誤入力\"}");
        Api.Response corrected = api.post("/api/initiatives/" + a + "/corrections", "{\"sequence\": 1, \"reason\": \"桁誤りの訂正\"}");
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        long position = corrected.number("position");
        assertThat(get("/api/initiatives/" + a, position).get("amountYen").asLong()).isEqualTo(1_000_000);
        JsonNode history = api.get("/api/initiatives/" + a + "/history").body();
        assertThat(history).hasSize(3);
        assertThat(history.get(1).get("amountAfterYen").asLong()).isEqualTo(10_000_000);
        assertThat(history.get(2).get("amountAfterYen").asLong()).isEqualTo(1_000_000);
        assertThat(history.get(2).get("effectiveDate").asText()).isEqualTo("2085-07-01");
        assertThat(history.get(2).at("/changes/cause/kind").asText()).isEqualTo("correction");
        assertThat(history.get(2).at("/changes/cause/id").asText()).isEqualTo("1");
        assertThat(mistake.number("version")).isEqualTo(1);
        Api.Response again = api.post("/api/initiatives/" + a + "/corrections", "{\"sequence\": 1, \"reason\": \"再訂正\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("rule").asText()).isEqualTo("already-corrected");
        Api.Response first = api.post("/api/initiatives/" + a + "/corrections", "{\"sequence\": 0, \"reason\": \"訂正\"}");
        assertThat(first.status()).isEqualTo(422);
        assertThat(first.body().get("rule").asText()).isEqualTo("correction-not-allowed");
    }

    @Test
    void aStaleIfMatchGets412WithTheCurrentVersionAndAFreshOneSucceeds() {
        String a = add(2086, "1", "総務部", "版管理", 1_000);
        Api.Response shown = api.get("/api/initiatives/" + a + "?minPosition=" + lastPosition);
        assertThat(shown.headers().firstValue("ETag")).contains("\"0\"");
        Api.Response ok = api.post("/api/initiatives/" + a + "/amendments", "{\"deltaYen\": 1, \"reason\": \"増額\"}",
                Map.of("X-Ledger-Actor", "a", "If-Match", "\"0\""));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers().firstValue("ETag")).contains("\"1\"");
        Api.Response stale = api.post("/api/initiatives/" + a + "/amendments", "{\"deltaYen\": 1, \"reason\": \"増額\"}",
                Map.of("X-Ledger-Actor", "b", "If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);
        Api.Response garbage = api.post("/api/initiatives/" + a + "/amendments", "{\"deltaYen\": 1, \"reason\": \"増額\"}",
                Map.of("X-Ledger-Actor", "b", "If-Match", "abc"));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(StreamSupport.stream(api.get("/api/initiatives/" + a + "/history").body().spliterator(), false).count()).isEqualTo(2);
    }

    @Test
    void effectiveDatesOutsideTheFiscalYearAreRejectedExceptTheMarchBeforeForANewLine() {
        Api.Response march = api.post("/api/initiatives", line(2087, "1", "分類1", "総務部", "三月議決", 1_000)
                .replace("\"reason\"", "\"effectiveDate\": \"2087-03-20\", \"reason\""));
        assertThat(march.status()).as(march.raw()).isEqualTo(201);
        Api.Response february = api.post("/api/initiatives", line(2087, "1", "分類1", "総務部", "二月", 1_000)
                .replace("\"reason\"", "\"effectiveDate\": \"2087-02-28\", \"reason\""));
        assertThat(february.status()).isEqualTo(422);
        assertThat(february.body().get("rule").asText()).isEqualTo("effective-date-outside-fiscal-year");
        Api.Response transfer = api.post("/api/transfers", "{\"fromId\": \"" + march.text("id") + "\", \"toId\": \"" + march.text("id")
                + "\", \"amountYen\": 1, \"reason\": \"流用\"}");
        assertThat(transfer.status()).isEqualTo(400);
    }
}
