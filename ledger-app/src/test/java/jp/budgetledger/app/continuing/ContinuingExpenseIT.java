package jp.budgetledger.app.continuing;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 継続費 through HTTP on the embedded PostgreSQL: one line per year holding its share, shares that do not sum refused with
 * nothing recorded, 逓次繰越 of an unused share into the next year (outside that year's 当初), and the 継続費調書 with its
 * figures, also as of a moment before the 逓次繰越. Fiscal years 2102–2109.
 */
class ContinuingExpenseIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    StoredEvents store;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String register(int firstYear, String name, long total, long... shares) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < shares.length; i++) {
            list.append(i == 0 ? "" : ", ").append("{\"fiscalYear\": ").append(firstYear + i).append(", \"amountYen\": ").append(shares[i])
                    .append('}');
        }
        return """
                {"fiscalYear": %d, "name": "%s", "department": "教育総務課", "accountCode": "1", "accountName": "一般会計",
                 "side": "expenditure", "subject": {"kan": {"code": "10", "name": "教育費"}, "kou": {"code": "2", "name": "小学校費"},
                 "moku": {"code": "3", "name": "学校建設費"}, "jigyou": {"code": "1", "name": "%s"}},
                 "totalYen": %d, "shares": [%s], "reason": "当初予算 第2表 継続費", "reference": "議案第1号"}"""
                .formatted(firstYear, name, name, total, list);
    }

    private long total(int year, String query, long position) {
        Api.Response total = api.get("/api/totals?fiscalYear=" + year + query + "&minPosition=" + position);
        assertThat(total.status()).as(total.raw()).isEqualTo(200);
        return total.body().get("totalYen").asLong();
    }

    private void assertRefused(Api.Response response, int status, String rule, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("rule")).isEqualTo(rule);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo(field);
    }

    @Test
    void registeringRecordsOneLinePerYearAndEachYearsTotalHoldsItsShareOnly() {
        Api.Response registered = api.post("/api/continuing-expenses", register(2102, "第一小学校改築事業", 1_000_000, 100_000, 300_000, 600_000));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        long position = registered.number("position");
        JsonNode lines = registered.body().get("lines");
        assertThat(lines).hasSize(3);
        assertThat(registered.body().get("lastYear").asInt()).isEqualTo(2104);

        assertThat(total(2102, "", position)).isEqualTo(100_000);
        assertThat(total(2103, "", position)).isEqualTo(300_000);
        assertThat(total(2104, "", position)).isEqualTo(600_000);
        assertThat(total(2103, "&stage=initial", position)).as("a share counts in its year's 当初").isEqualTo(300_000);
        Api.Response line = api.get("/api/initiatives/" + lines.get(1).get("initiativeId").asText() + "?minPosition=" + position);
        assertThat(line.status()).as(line.raw()).isEqualTo(200);
        assertThat(line.body().get("fiscalYear").asInt()).isEqualTo(2103);
        assertThat(line.body().get("amountYen").asLong()).isEqualTo(300_000);

        Api.Response view = api.get("/api/continuing-expenses/" + registered.text("id") + "?minPosition=" + position);
        assertThat(view.status()).as(view.raw()).isEqualTo(200);
        assertThat(view.body().get("totalYen").asLong()).isEqualTo(1_000_000);
        assertThat(view.body().at("/shares/2/initiativeId").asText()).isEqualTo(lines.get(2).get("initiativeId").asText());
        assertThat(api.get("/api/continuing-expenses?fiscalYear=2104&minPosition=" + position).body()).hasSize(1);
    }

    @Test
    void sharesThatDoNotSumToTheTotalAreRefusedWithTheRuleAndFieldAndRecordNothing() {
        long head = store.head();
        assertRefused(api.post("/api/continuing-expenses", register(2105, "図書館建設事業", 1_000_000, 400_000, 500_000)), 422,
                "continuing-shares-do-not-sum", "shares");
        assertRefused(api.post("/api/continuing-expenses", register(2105, "図書館建設事業", 400_000, 400_000)), 422,
                "continuing-expense-single-year", "shares");
        assertThat(store.head()).as("nothing recorded").isEqualTo(head);
        assertThat(api.get("/api/initiatives?fiscalYear=2105").body()).isEmpty();
    }

    @Test
    void aCarryForwardMovesAnUnusedShareIntoTheNextYearOutsideItsInitialBudgetAndTheReportShowsIt() {
        Api.Response registered = api.post("/api/continuing-expenses", register(2106, "体育館改築事業", 1_000_000, 200_000, 300_000, 500_000));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String id = registered.text("id");
        long position = registered.number("position");
        assertThat(total(2107, "", position)).isEqualTo(300_000);
        Instant beforeCarry = Instant.now();

        Api.Response carried = api.post("/api/continuing-expenses/" + id + "/carry-forward",
                "{\"fromYear\": 2106, \"amountYen\": 50000, \"reason\": \"工期の遅れによる逓次繰越\", \"reference\": \"繰越計算書\"}");
        assertThat(carried.status()).as(carried.raw()).isEqualTo(201);
        long after = carried.number("position");
        assertThat(carried.body().get("toYear").asInt()).isEqualTo(2107);

        assertThat(total(2107, "&effectiveOn=2107-04-01", after)).as("k+1 grows from its 1 April").isEqualTo(350_000);
        assertThat(total(2107, "", after)).isEqualTo(350_000);
        assertThat(total(2107, "&stage=initial", after)).as("the 逓次繰越 is no part of k+1's 当初").isEqualTo(300_000);
        assertThat(total(2106, "", after)).as("k's share line is not reduced").isEqualTo(200_000);

        assertRefused(api.post("/api/continuing-expenses/" + id + "/carry-forward", "{\"fromYear\": 2106, \"amountYen\": 150001, \"reason\": \"超過\"}"),
                409, "continuing-carry-exceeds-unused", "amountYen");
        assertRefused(api.post("/api/continuing-expenses/" + id + "/carry-forward", "{\"fromYear\": 2108, \"amountYen\": 1, \"reason\": \"最終年度\"}"),
                422, "continuing-carry-from-last-year", "fromYear");
        assertThat(api.post("/api/continuing-expenses/ce-none/carry-forward", "{\"fromYear\": 2106, \"amountYen\": 1, \"reason\": \"x\"}")
                .status()).isEqualTo(404);

        JsonNode report = api.get("/api/reports/continuing-expenses?fiscalYear=2107&minPosition=" + after).body();
        JsonNode entry = report.at("/continuingExpenses/0");
        assertThat(entry.get("name").asText()).isEqualTo("体育館改築事業");
        assertThat(entry.get("kan").asText()).isEqualTo("教育費");
        assertThat(entry.get("basis").asText()).isEqualTo("当初");
        assertThat(entry.get("totalYen").asLong()).isEqualTo(1_000_000);
        assertThat(entry.get("sharesBeforeYen").asLong()).isEqualTo(200_000);
        assertThat(entry.get("shareOfYearYen").asLong()).isEqualTo(300_000);
        assertThat(entry.get("sharesFromYen").asLong()).isEqualTo(800_000);
        assertThat(entry.get("carriedIntoYearYen").asLong()).isEqualTo(50_000);
        assertThat(entry.get("remainingYen").asLong()).isEqualTo(850_000);
        assertThat(entry.at("/shares/0/carriedOutYen").asLong()).isEqualTo(50_000);

        JsonNode before = api.get("/api/reports/continuing-expenses?fiscalYear=2107&asOf=" + beforeCarry).body();
        assertThat(before.at("/continuingExpenses/0/carriedIntoYearYen").asLong()).as("as of a moment before the 逓次繰越").isZero();
        assertThat(total(2107, "&asOf=" + beforeCarry, after)).isEqualTo(300_000);

        Api.Response csv = api.get("/api/reports/continuing-expenses?fiscalYear=2107&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("\uFEFF").contains("継続費調書").contains("体育館改築事業").contains("\"1,000\"").contains("850");
        Api.Response xlsx = api.get("/api/reports/continuing-expenses?fiscalYear=2107&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
