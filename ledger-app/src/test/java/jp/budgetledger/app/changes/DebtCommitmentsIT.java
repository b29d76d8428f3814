package jp.budgetledger.app.changes;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 債務負担行為 through HTTP on the embedded PostgreSQL: set in the 当初予算, amended by an enacted supplementary budget of its
 * year (an unknown or not enacted one refused with its rule and field, recording nothing), never part of a year's totals,
 * tree, balance or stages, shown by the 調書 in every year of its period and as of a moment, and refused for an ended year.
 * Fiscal years 2164–2169, 2173–2179 and the ended 1995–1999 are this class's.
 */
class DebtCommitmentsIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String commitment(int year, String matter, int from, int to, String more) {
        return """
                {"fiscalYear": %d, "matter": "%s", "accountCode": "1", "accountName": "一般会計", "department": "企画部",
                 "periodFrom": %d, "periodTo": %d, "reason": "債務負担行為の設定", "reference": "議案第10号"%s}"""
                .formatted(year, matter, from, to, more.contains("\"limit") ? more : ", \"limitYen\": 120000000" + more);
    }

    private Api.Response set(int year, String matter, int from, int to, String more) {
        return api.post("/api/debt-commitments", commitment(year, matter, from, to, more));
    }

    private Api.Response setOk(int year, String matter, int from, int to, String more) {
        Api.Response set = set(year, matter, from, to, more);
        assertThat(set.status()).as(set.raw()).isEqualTo(201);
        return set;
    }

    /** A supplementary budget of {@code year} enacted at once, changing an unclassified line; its id. */
    private Api.Response enacted(int year, String name) {
        Api.Response line = api.post("/api/initiatives", Api.line(year, "1", "分類", "企画部", name + "の事業", 1_000_000));
        assertThat(line.status()).as(line.raw()).isEqualTo(201);
        Api.Response budget = api.post("/api/supplementary-budgets", """
                {"fiscalYear": %d, "name": "%s", "resolvedOn": "%d-09-25", "reason": "補正", "items": [{"initiativeId": "%s", "deltaYen": 1000}]}"""
                .formatted(year, name, year, line.text("id")));
        assertThat(budget.status()).as(budget.raw()).isEqualTo(201);
        return budget;
    }

    private JsonNode records(int year, long position) {
        Api.Response report = api.get("/api/reports/debt-commitments?fiscalYear=" + year + "&minPosition=" + position);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return report.body().get("records");
    }

    private List<String> matters(int year, long position) {
        List<String> matters = new ArrayList<>();
        records(year, position).forEach(r -> matters.add(r.get("事項").asText()));
        return matters;
    }

    /** The 調書 of {@code year}'s record of the commitment {@code matter}. */
    private JsonNode record(int year, String matter, long position) {
        for (JsonNode record : records(year, position)) {
            if (record.get("事項").asText().equals(matter)) {
                return record;
            }
        }
        throw new AssertionError(matter + " is not in the 調書 of " + year);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static void assertRule(Api.Response response, int status, String rule, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("rule")).isEqualTo(rule);
        JsonNode named = response.body().get("errors").get(0).get("field");
        assertThat(named == null || named.isNull() ? null : named.asText()).isEqualTo(field);
    }

    @Test
    void aCommitmentOfTheInitialBudgetIsAmendedByAnEnactedSupplementaryBudgetOfItsYearWithItsHistory() {
        Api.Response set = setOk(2164, "学校給食センター運営委託", 2165, 2169, "");
        String id = set.text("id");
        Api.Response budget = enacted(2164, "9月補正");
        Api.Response amended = api.post("/api/debt-commitments/" + id + "/amendments", """
                {"supplementaryBudgetId": "%s", "limitYen": 150000000, "periodTo": 2170, "reason": "委託内容の拡充"}"""
                .formatted(budget.text("id")));
        assertThat(amended.status()).as(amended.raw()).isEqualTo(201);
        assertThat(amended.number("version")).isEqualTo(1);

        JsonNode view = api.get("/api/debt-commitments/" + id + "?minPosition=" + amended.number("position")).body();
        assertThat(view.get("limitYen").asLong()).isEqualTo(150_000_000L);
        assertThat(view.get("periodTo").asInt()).isEqualTo(2170);
        assertThat(view.get("basis").asText()).isEqualTo("当初");
        assertThat(view.get("state").asText()).isEqualTo("in-force");
        JsonNode history = view.get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("kind").asText()).isEqualTo("set");
        assertThat(history.get(0).get("effectiveDate").asText()).isEqualTo("2164-04-01");
        assertThat(history.get(1).get("kind").asText()).isEqualTo("amended");
        assertThat(history.get(1).get("basis").asText()).isEqualTo("補正第" + budget.number("number") + "号");
        assertThat(history.get(1).get("basisTitle").asText()).isEqualTo(budget.text("title")).startsWith("令和146年度補正予算（第");
        assertThat(history.get(1).get("limitYenBefore").asLong()).isEqualTo(120_000_000L);
        assertThat(history.get(1).get("periodToBefore").asInt()).isEqualTo(2169);
        assertThat(history.get(1).get("effectiveDate").asText()).isEqualTo("2164-09-25");

        JsonNode record = record(2164, "学校給食センター運営委託", amended.number("position"));
        assertThat(record.get("限度額(円)").asLong()).isEqualTo(150_000_000L);
        assertThat(record.get("補正の経過").asText()).isEqualTo("補正第" + budget.number("number") + "号：限度額 120,000千円→150,000千円、期間 令和151年度まで→令和152年度まで");
    }

    @Test
    void anAmendmentCitingAnUnknownOrANotEnactedSupplementaryBudgetIsRefusedWithTheRuleAndFieldAndRecordsNothing() {
        String id = setOk(2164, "庁舎清掃業務委託", 2165, 2167, "").text("id");
        Api.Response line = api.post("/api/initiatives", Api.line(2164, "1", "分類", "企画部", "審議中の補正の事業", 1_000));
        Api.Response submitted = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2164, "name": "12月補正", "procedure": "assembly", "submittedOn": "2164-12-01", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 500}]}""".formatted(line.text("id")));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        Api.Response otherYear = enacted(2168, "他の年度の補正");
        long before = events();

        String amendment = "{\"supplementaryBudgetId\": \"%s\", \"limitYen\": 1, \"reason\": \"補正\"}";
        assertRule(api.post("/api/debt-commitments/" + id + "/amendments", amendment.formatted("sb-none")), 422,
                "unknown-supplementary-budget", "supplementaryBudgetId");
        assertRule(api.post("/api/debt-commitments/" + id + "/amendments", amendment.formatted(submitted.text("id"))), 409,
                "supplementary-budget-not-in-force", "supplementaryBudgetId");
        assertRule(api.post("/api/debt-commitments/" + id + "/amendments", amendment.formatted(otherYear.text("id"))), 422,
                "supplementary-budget-of-another-year", "supplementaryBudgetId");
        assertRule(set(2164, "審議中の補正の債務負担", 2165, 2166, ", \"supplementaryBudgetId\": \"" + submitted.text("id") + "\""), 409,
                "supplementary-budget-not-in-force", "supplementaryBudgetId");
        assertThat(events()).as("nothing recorded").isEqualTo(before);
        assertThat(api.post("/api/debt-commitments/dc-none/amendments", amendment.formatted(otherYear.text("id"))).status()).isEqualTo(404);
    }

    @Test
    void aCommitmentOfASupplementaryBudgetNamesTheBillAndAbolishingOneTakesItOutOfTheReport() {
        Api.Response budget = enacted(2166, "6月補正");
        Api.Response set = setOk(2166, "道路維持補修業務", 2167, 2168, ", \"limitText\": \"単価契約による額\", "
                + "\"supplementaryBudgetId\": \"" + budget.text("id") + "\"");
        JsonNode record = record(2166, "道路維持補修業務", set.number("position"));
        assertThat(record.get("議決").asText()).isEqualTo("補正第" + budget.number("number") + "号（" + budget.text("title") + "）");
        assertThat(record.get("限度額（文言）").asText()).isEqualTo("単価契約による額");
        assertThat(record.get("限度額").isNull()).isTrue();

        Api.Response abolished = api.post("/api/debt-commitments/" + set.text("id") + "/abolitions",
                "{\"supplementaryBudgetId\": \"" + budget.text("id") + "\", \"reason\": \"事業の中止\"}");
        assertThat(abolished.status()).as(abolished.raw()).isEqualTo(201);
        assertThat(matters(2167, abolished.number("position"))).doesNotContain("道路維持補修業務");
        List<String> states = new ArrayList<>();
        api.get("/api/debt-commitments?fiscalYear=2166").body().forEach(c -> {
            if (c.get("id").asText().equals(set.text("id"))) {
                states.add(c.get("state").asText());
            }
        });
        assertThat(states).containsExactly("abolished");
        assertRule(api.post("/api/debt-commitments/" + set.text("id") + "/amendments",
                "{\"supplementaryBudgetId\": \"" + budget.text("id") + "\", \"limitYen\": 5, \"reason\": \"増額\"}"), 409,
                "debt-commitment-abolished", null);
    }

    /** A line of 一般会計 of 2165 on {@code side}. */
    private String classified(String side, String kan, String name, long yen) {
        Api.Response added = api.post("/api/initiatives", """
                {"fiscalYear": 2165, "department": "財政課", "name": "%s", "amountYen": %d, "reason": "当初予算",
                 "accountCode": "1", "accountName": "一般会計", "side": "%s",
                 "subject": {"kan": {"code": "%s", "name": "款%s"}, "kou": {"code": "1", "name": "項"}, "moku": {"code": "1", "name": "目"}}}"""
                .formatted(name, yen, side, kan, kan));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    private List<String> figures(long position) {
        List<String> figures = new ArrayList<>();
        for (String read : List.of("/api/totals?fiscalYear=2165", "/api/totals/tree?fiscalYear=2165", "/api/totals/balance?fiscalYear=2165",
                "/api/totals/departments?fiscalYear=2165", "/api/totals/subjects?fiscalYear=2165&side=expenditure&level=kou",
                "/api/reports/stages?fiscalYear=2165", "/api/reports/current-budget?fiscalYear=2165")) {
            Api.Response response = api.get(read + "&minPosition=" + position);
            assertThat(response.status()).as(read + " " + response.raw()).isEqualTo(200);
            figures.add(read + " " + response.body().toString().replaceAll("\"asOf\":\"[^\"]*\"", "\"asOf\":\"(now)\""));
        }
        return figures;
    }

    @Test
    void aCommitmentNeverEntersAYearsTotalsTreeBalanceOrStages() {
        classified("revenue", "1", "市税", 500_000_000);
        classified("expenditure", "2", "総務費", 500_000_000);
        List<String> before = figures(lastPosition());
        Api.Response set = setOk(2165, "新庁舎建設事業", 2165, 2168, ", \"limitYen\": 9000000000");
        assertThat(figures(set.number("position"))).isEqualTo(before);
        assertThat(record(2165, "新庁舎建設事業", set.number("position")).get("限度額(円)").asLong()).isEqualTo(9_000_000_000L);
    }

    private long lastPosition() {
        return jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
    }

    @Test
    void theReportShowsACommitmentInTheYearThatSetItAndEveryYearOfItsPeriodAndNotBeforeItWasRecorded() {
        Instant beforeIt = Instant.now();
        Api.Response set = setOk(2173, "ごみ処理施設運営委託", 2174, 2176, "");
        for (int year = 2173; year <= 2177; year++) {
            List<String> matters = matters(year, set.number("position"));
            if (year <= 2176) {
                assertThat(matters).as("fiscal year " + year).contains("ごみ処理施設運営委託");
            } else {
                assertThat(matters).as("fiscal year " + year).doesNotContain("ごみ処理施設運営委託");
            }
        }
        JsonNode record = record(2175, "ごみ処理施設運営委託", set.number("position"));
        assertThat(record.get("期間").asText()).isEqualTo("令和156年度から令和158年度まで");
        assertThat(record.get("議決").asText()).isEqualTo("令和155年度 当初");
        assertThat(api.get("/api/reports/debt-commitments?fiscalYear=2173&asOf=" + beforeIt).body().get("records")).isEmpty();
        assertThat(api.get("/api/debt-commitments?fiscalYear=2173&asOf=" + beforeIt).body()).isEmpty();

        Api.Response csv = api.get("/api/reports/debt-commitments?fiscalYear=2174&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("\uFEFF").contains("令和156年度 債務負担行為調書", "ごみ処理施設運営委託", "\"120,000\"");
        Api.Response xlsx = api.get("/api/reports/debt-commitments?fiscalYear=2174&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void aNewCommitmentForAnEndedYearIsRefusedAsTheYearHasEnded() {
        long before = events();
        assertRule(set(1997, "平成9年度の委託", 1998, 1999, ""), 409, "fiscal-year-ended", "fiscalYear");
        assertThat(events()).isEqualTo(before);
    }
}
