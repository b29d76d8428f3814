package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classified lines (会計, side, 科目 path) through HTTP on the embedded PostgreSQL: their round trip, the
 * year's 科目 table, and unclassified lines exactly as before. Each test has its own fiscal years.
 */
class ClassifiedLinesIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** 款 2 › 項 1 › 目 (1, or 2 for 企画費) and {@code more} levels. */
    private static String subject(String kan, String kou, String moku, String more) {
        return """
                {"kan": {"code": "2", "name": "%s"}, "kou": {"code": "1", "name": "%s"}, "moku": {"code": "%s", "name": "%s"}%s}"""
                .formatted(kan, kou, moku.equals("企画費") ? "2" : "1", moku, more);
    }

    private static String classified(int year, String department, String name, long yen, String subject) {
        return """
                {"fiscalYear": %d, "department": "%s", "name": "%s", "amountYen": %d, "reason": "当初予算",
                 "categoryCode": "1", "categoryName": "分類", "accountCode": "01", "accountName": "一般会計", "side": "expenditure",
                 "subject": %s, "departmentCode": "0101"}"""
                .formatted(year, department, name, yen, subject);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static void assertProblem(Api.Response response, int status, String field, String... reasonParts) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(response.body().at("/errors/0/reason").asText()).contains(reasonParts);
    }

    @Test
    void aClassifiedLineComesBackWithItsAccountSideSubjectAndDepartmentCode() {
        Api.Response added = api.post("/api/initiatives", classified(2150, "総務課", "職員給与", 12_345_000,
                subject("総務費", "総務管理費", "一般管理費", ", \"setsu\": {\"code\": \"2\", \"name\": \"給料\"}")));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        long position = added.number("position");

        JsonNode shown = api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + position).body();
        assertThat(shown.get("accountCode").asText()).isEqualTo("01");
        assertThat(shown.get("accountName").asText()).isEqualTo("一般会計");
        assertThat(shown.get("side").asText()).isEqualTo("expenditure");
        assertThat(shown.get("departmentCode").asText()).isEqualTo("0101");
        assertThat(shown.get("categoryCode").asText()).isEqualTo("1");
        assertThat(shown.get("subject").toString()).isEqualTo("{\"kan\":{\"code\":\"2\",\"name\":\"総務費\"},"
                + "\"kou\":{\"code\":\"1\",\"name\":\"総務管理費\"},\"moku\":{\"code\":\"1\",\"name\":\"一般管理費\"},"
                + "\"jigyou\":null,\"setsu\":{\"code\":\"2\",\"name\":\"給料\"},\"saisetsu\":null}");
        assertThat(shown.get("amountYen").asLong()).isEqualTo(12_345_000);
        assertThat(shown.get("department").asText()).isEqualTo("総務課");

        JsonNode listed = api.get("/api/initiatives?fiscalYear=2150&minPosition=" + position).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(shown);

        JsonNode history = api.get("/api/initiatives/" + added.text("id") + "/history").body();
        assertThat(history.get(0).at("/changes/subjectPath").asText()).isEqualTo("01 一般会計 › 歳出 › 2 総務費 › 1 総務管理費 › 1 一般管理費 › 2 給料");
        assertThat(history.get(0).at("/changes/classification/side").asText()).isEqualTo("expenditure");

        Api.Response amended = api.post("/api/initiatives/" + added.text("id") + "/amendments", "{\"deltaYen\": 5000, \"reason\": \"補正\"}");
        assertThat(amended.status()).as(amended.raw()).isEqualTo(200);
        JsonNode audit = api.get("/api/audit/events?fiscalYear=2150&minPosition=" + amended.number("position")).body();
        assertThat(audit.findValues("subjectPath")).extracting(JsonNode::asText)
                .containsOnly("01 一般会計 › 歳出 › 2 総務費 › 1 総務管理費 › 1 一般管理費 › 2 給料").hasSize(2);
    }

    @Test
    void aNameTheYearHasOtherwiseIsRefusedAndNothingIsRecordedButAnotherYearMayUseIt() {
        assertThat(api.post("/api/initiatives", classified(2151, "総務課", "一般管理", 1_000,
                subject("総務費", "総務管理費", "一般管理費", ""))).status()).isEqualTo(201);
        long before = events();

        Api.Response conflict = api.post("/api/initiatives", classified(2151, "企画課", "企画", 2_000,
                subject("総務費用", "総務管理費", "企画費", "")));
        assertProblem(conflict, 422, "subject.kan.name", "款", "2", "'総務費'", "'総務費用'");
        assertThat(conflict.body().get("rule").asText()).isEqualTo("subject-name-conflict");
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM subject_holder WHERE fiscal_year = 2151").query(Long.class).single())
                .as("the 会計, 款, 項 and 目 of the first line only").isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM initiative_key WHERE fiscal_year = 2151").query(Long.class).single()).isEqualTo(1);

        Api.Response account = api.post("/api/initiatives", classified(2151, "企画課", "企画", 2_000,
                subject("総務費", "総務管理費", "企画費", "")).replace("\"accountName\": \"一般会計\"", "\"accountName\": \"一般会計予算\""));
        assertProblem(account, 422, "accountName", "会計", "'一般会計'", "'一般会計予算'");

        assertThat(api.post("/api/initiatives", classified(2152, "企画課", "企画", 2_000,
                subject("総務費用", "総務管理費", "企画費", ""))).status()).isEqualTo(201);
        assertThat(api.post("/api/initiatives", classified(2151, "企画課", "企画", 2_000,
                subject("総務費", "総務管理費", "企画費", ""))).status()).isEqualTo(201);
    }

    @Test
    void ofTwoConcurrentFirstNamesOfACodeOneIsRecordedTheOtherRefused() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Api.Response>> sent = pool.invokeAll(List.<Callable<Api.Response>>of(
                    () -> api.post("/api/initiatives", classified(2158, "総務課", "一般管理", 1, subject("総務費", "総務管理費", "一般管理費", ""))),
                    () -> api.post("/api/initiatives", classified(2158, "企画課", "企画", 1, subject("総務費用", "総務管理費", "企画費", "")))));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Api.Response> response : sent) {
                statuses.add(response.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(DISTINCT name) FROM subject_name WHERE fiscal_year = 2158 AND level = 'kan'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoDepartmentsShareAPathOneDepartmentHasItOnce() {
        String path = subject("民生費", "社会福祉費", "社会福祉総務費", "");
        assertThat(api.post("/api/initiatives", classified(2154, "福祉課", "社会福祉総務", 1_000, path)).status()).isEqualTo(201);
        assertThat(api.post("/api/initiatives", classified(2154, "障害福祉課", "社会福祉総務", 1_000, path)).status()).isEqualTo(201);
        Api.Response duplicate = api.post("/api/initiatives", classified(2154, "福祉課", "別名", 1_000, path));
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(409);
        assertThat(duplicate.body().get("existingId").asText()).isNotBlank();
    }

    @Test
    void theOnlyLineWithAKanMayRenameItAndAnUnclassifiedLineCannotBeGivenOne() {
        Api.Response added = api.post("/api/initiatives", classified(2155, "総務課", "一般管理", 1_000,
                subject("総務費", "総務管理費", "一般管理費", "")));
        String id = added.text("id");
        Api.Response renamed = api.post("/api/initiatives/" + id + "/reassignments", """
                {"subject": %s, "effectiveDate": "2155-10-01", "reason": "款の名称変更"}""".formatted(subject("総務費（新）", "総務管理費", "一般管理費", "")));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        JsonNode shown = api.get("/api/initiatives/" + id + "?minPosition=" + renamed.number("position")).body();
        assertThat(shown.at("/subject/kan/name").asText()).isEqualTo("総務費（新）");
        JsonNode history = api.get("/api/initiatives/" + id + "/history").body();
        assertThat(history.get(1).at("/changes/subjectPathBefore").asText()).contains("2 総務費 ›");
        assertThat(history.get(1).at("/changes/subjectPathAfter").asText()).contains("2 総務費（新） ›");

        assertThat(api.post("/api/initiatives", classified(2155, "企画課", "企画", 1_000,
                subject("総務費（新）", "総務管理費", "企画費", ""))).status()).isEqualTo(201);
        Api.Response back = api.post("/api/initiatives/" + id + "/reassignments", """
                {"subject": %s, "reason": "元に戻す"}""".formatted(subject("総務費", "総務管理費", "一般管理費", "")));
        assertProblem(back, 422, "subject.kan.name", "'総務費（新）'", "'総務費'");

        String unclassified = api.post("/api/initiatives", Api.line(2155, "1", "分類", "総務課", "分類だけの事業", 1_000)).text("id");
        Api.Response given = api.post("/api/initiatives/" + unclassified + "/reassignments", """
                {"subject": %s, "reason": "科目の付与"}""".formatted(subject("総務費（新）", "総務管理費", "一般管理費", "")));
        assertProblem(given, 422, "subject", "科目");
        assertThat(given.body().get("rule").asText()).isEqualTo("unclassified-line");
    }

    @Test
    void aSupplementaryBudgetAddsClassifiedLinesOnEitherSideUnderTheYearsTable() {
        assertThat(api.post("/api/initiatives", classified(2156, "総務課", "一般管理", 1_000,
                subject("総務費", "総務管理費", "一般管理費", ""))).status()).isEqualTo(201);
        String revenueLine = """
                {"department": "税務課", "name": "市民税", "amountYen": 900, "categoryCode": "1", "categoryName": "分類",
                 "accountName": "一般会計", "accountCode": "1",
                 "side": "歳入", "subject": {"kan": {"code": "1", "name": "市税"}, "kou": {"code": "1", "name": "市民税"},
                 "moku": {"code": "1", "name": "個人"}}}""";
        Api.Response enacted = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2156, "name": "6月補正", "resolvedOn": "2156-06-20", "items": [%s], "partOfSet": true}""".formatted(revenueLine));
        assertThat(enacted.status()).as(enacted.raw()).isEqualTo(201);
        String id = enacted.body().get("initiativeIds").get(0).asText();
        JsonNode shown = api.get("/api/initiatives/" + id + "?minPosition=" + enacted.number("position")).body();
        assertThat(shown.get("side").asText()).isEqualTo("revenue");
        assertThat(shown.at("/subject/kan/name").asText()).isEqualTo("市税");

        long before = events();
        Api.Response conflict = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2156, "name": "9月補正", "resolvedOn": "2156-09-20", "items": [{"department": "企画課", "name": "企画",
                 "amountYen": 1, "categoryCode": "1", "categoryName": "分類", "accountCode": "1", "accountName": "一般会計",
                 "side": "expenditure",
                 "subject": %s}]}"""
                .formatted(subject("総務費", "総務管理費", "一般管理費の別名", "")));
        assertProblem(conflict, 422, "items[0].subject.moku.name", "目", "'一般管理費'", "'一般管理費の別名'");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anUnclassifiedLineIsAddedAndShownExactlyAsBefore() {
        Api.Response added = api.post("/api/initiatives", Api.line(2153, "1", "スマート自治体の推進", "総務部", "スマート自治体推進事業費", 37_786_000));
        assertThat(added.status()).isEqualTo(201);
        JsonNode shown = api.get("/api/initiatives/" + added.text("id") + "?minPosition=" + added.number("position")).body();
        assertThat(shown.get("categoryCode").asText()).isEqualTo("1");
        assertThat(shown.get("categoryName").asText()).isEqualTo("スマート自治体の推進");
        assertThat(shown.get("department").asText()).isEqualTo("総務部");
        assertThat(shown.get("name").asText()).isEqualTo("スマート自治体推進事業費");
        assertThat(shown.get("amountYen").asLong()).isEqualTo(37_786_000);
        assertThat(shown.get("status").asText()).isEqualTo("ACTIVE");
        for (String field : List.of("accountCode", "accountName", "side", "subject", "departmentCode")) {
            assertThat(shown.get(field).isNull()).as(field).isTrue();
        }
        JsonNode history = api.get("/api/initiatives/" + added.text("id") + "/history").body();
        assertThat(history.get(0).get("changes").has("subjectPath")).isFalse();

        assertProblem(api.post("/api/initiatives", Api.line(2153, "1", "分類", "総務部", "x", 1).replace("\"categoryCode\": \"1\",", "")),
                400, "categoryCode", "must not be blank");
    }

    @Test
    void badClassificationsAreNamedByTheirFields() {
        String good = classified(2157, "総務課", "一般管理", 1_000, subject("総務費", "総務管理費", "一般管理費", ""));
        assertProblem(api.post("/api/initiatives", good.replace("\"side\": \"expenditure\"", "\"side\": \"sideways\"")), 400, "side",
                "expenditure");
        assertProblem(api.post("/api/initiatives", good.replace("\"side\": \"expenditure\",", "")), 400, "side", "must be given");
        assertProblem(api.post("/api/initiatives", good.replace(", \"moku\": {\"code\": \"1\", \"name\": \"一般管理費\"}", "")), 400,
                "subject.moku", "目");
        assertProblem(api.post("/api/initiatives", good.replace("\"name\": \"総務費\"", "\"name\": \" \"")), 400, "subject.kan.name", "");
        assertProblem(api.post("/api/initiatives", Api.line(2157, "1", "分類", "総務課", "x", 1).replace("{", "{\"departmentCode\": \"1\", ")),
                400, "departmentCode", "classified");
        assertProblem(api.post("/api/initiatives", good.replace(", \"categoryName\": \"分類\"", "")), 400, "categoryName", "both");
        assertThat(jdbc.sql("SELECT count(*) FROM initiative_key WHERE fiscal_year = 2157").query(Long.class).single()).isZero();
    }
}
