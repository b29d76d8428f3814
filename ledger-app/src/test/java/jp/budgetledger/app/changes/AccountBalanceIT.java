package jp.budgetledger.app.changes;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The balance of a 会計 on the write side, through HTTP on the embedded PostgreSQL: a change that leaves a 会計 with lines on
 * both sides unbalanced is refused (422 unbalanced-account, nothing recorded) unless it says it is part of a set; a 会計 with
 * lines on one side only takes any change; unclassified lines take no part. Each test has its own fiscal years.
 */
class AccountBalanceIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StoredEvents store;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** A line of 一般会計 on {@code side}, 款 {@code kan} › 項 1 › 目 {@code moku}, with {@code more} fields. */
    static String line(int year, String side, String kan, String moku, long yen, String more) {
        String kanName = side.equals("revenue") ? "市税" : "総務費";
        return """
                {"fiscalYear": %d, "department": "財政課", "name": "%s", "amountYen": %d, "reason": "当初予算",
                 "accountCode": "1", "accountName": "一般会計", "side": "%s",
                 "subject": {"kan": {"code": "%s", "name": "%s"}, "kou": {"code": "1", "name": "項"},
                             "moku": {"code": "%s", "name": "目%s"}}%s}"""
                .formatted(year, "目" + moku, yen, side, kan, kanName, moku, moku, more);
    }

    private Api.Response add(int year, String side, String kan, String moku, long yen, String more) {
        return api.post("/api/initiatives", line(year, side, kan, moku, yen, more));
    }

    private String added(int year, String side, String kan, String moku, long yen) {
        Api.Response added = add(year, side, kan, moku, yen, "");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    private Api.Response amend(String id, long delta, String more) {
        return api.post("/api/initiatives/" + id + "/amendments", "{\"deltaYen\": " + delta + ", \"reason\": \"補正\"" + more + "}");
    }

    private static void assertUnbalanced(Api.Response response, long revenueYen, long expenditureYen, String revenue, String expenditure) {
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("rule")).isEqualTo("unbalanced-account");
        assertThat(response.number("revenueYen")).isEqualTo(revenueYen);
        assertThat(response.number("expenditureYen")).isEqualTo(expenditureYen);
        assertThat(response.text("detail")).contains("1 一般会計", "歳入 " + revenue + " yen", "歳出 " + expenditure + " yen");
    }

    private long[] balance(int year, String side) {
        return jdbc.sql("SELECT total_yen, line_count FROM account_balance WHERE fiscal_year = ? AND account_key = '1' AND side = ?")
                .params(year, side).query((rs, row) -> new long[]{rs.getLong(1), rs.getLong(2)}).optional().orElse(new long[2]);
    }

    @Test
    void anAccountWithExpenditureLinesOnlyTakesAnyChange() {
        String first = added(2160, "expenditure", "2", "1", 1_000_000);
        String second = added(2160, "expenditure", "2", "2", 500_000);
        assertThat(amend(first, 123_456, "").status()).isEqualTo(200);
        Api.Response transfer = api.post("/api/transfers", """
                {"fromId": "%s", "toId": "%s", "amountYen": 100000, "reason": "流用"}""".formatted(first, second));
        assertThat(transfer.status()).as(transfer.raw()).isEqualTo(201);
        assertThat(api.post("/api/initiatives/" + second + "/withdrawals", "{\"reason\": \"廃止\"}").status()).isEqualTo(200);
        assertThat(balance(2160, "expenditure")).containsExactly(1_023_456, 1);
        assertThat(balance(2160, "revenue")).containsExactly(0, 0);
    }

    @Test
    void aRevenueLineThatLeavesTheAccountUnbalancedIsRefusedUnlessPartOfASetAndOnceBalancedSoIsASingleAmendment() {
        String expenditure = added(2161, "expenditure", "2", "1", 1_000_000);
        long head = store.head();

        assertUnbalanced(add(2161, "revenue", "1", "1", 900_000, ""), 900_000, 1_000_000, "900,000", "1,000,000");
        assertThat(store.head()).as("nothing recorded").isEqualTo(head);
        assertThat(balance(2161, "revenue")).containsExactly(0, 0);
        assertUnbalanced(add(2161, "revenue", "1", "1", 900_000, ", \"partOfSet\": false"), 900_000, 1_000_000, "900,000", "1,000,000");

        Api.Response oneSide = add(2161, "revenue", "1", "1", 900_000, ", \"partOfSet\": true");
        assertThat(oneSide.status()).as(oneSide.raw()).isEqualTo(201);
        Api.Response completing = add(2161, "revenue", "1", "2", 100_000, "");
        assertThat(completing.status()).as("the set is complete: balanced").isEqualTo(201);
        assertThat(balance(2161, "revenue")).containsExactly(1_000_000, 2);

        head = store.head();
        assertUnbalanced(amend(expenditure, 5_000, ""), 1_000_000, 1_005_000, "1,000,000", "1,005,000");
        assertThat(store.head()).isEqualTo(head);
        JsonNode line = api.get("/api/initiatives/" + expenditure + "?minPosition=" + head).body();
        assertThat(line.get("amountYen").asLong()).isEqualTo(1_000_000);
        assertThat(line.get("version").asLong()).isZero();
        assertThat(balance(2161, "expenditure")).containsExactly(1_000_000, 1);

        Api.Response flagged = amend(expenditure, 5_000, ", \"partOfSet\": true");
        assertThat(flagged.status()).as(flagged.raw()).isEqualTo(200);
        assertThat(amend(oneSide.text("id"), 5_000, "").status()).as("balanced again").isEqualTo(200);

        Api.Response correction = api.post("/api/initiatives/" + expenditure + "/corrections", "{\"sequence\": 1, \"reason\": \"訂正\"}");
        assertUnbalanced(correction, 1_005_000, 1_000_000, "1,005,000", "1,000,000");
        Api.Response transfer = api.post("/api/transfers", """
                {"fromId": "%s", "toId": "%s", "amountYen": 5000, "reason": "流用"}""".formatted(completing.text("id"), expenditure));
        assertThat(transfer.status()).as(transfer.raw()).isEqualTo(422);
        assertThat(transfer.text("rule")).as("a transfer stays on one side (issue 20)").isEqualTo("transfer-across-side");
        assertThat(api.post("/api/transfers", """
                {"fromId": "%s", "toId": "%s", "amountYen": 5000, "reason": "流用"}""".formatted(completing.text("id"), oneSide.text("id")))
                .status()).as("within one side").isEqualTo(201);

        Api.Response withdrawal = api.post("/api/initiatives/" + completing.text("id") + "/withdrawals", "{\"reason\": \"廃止\"}");
        assertUnbalanced(withdrawal, 910_000, 1_005_000, "910,000", "1,005,000");
        assertThat(api.post("/api/initiatives/" + completing.text("id") + "/withdrawals", "{\"reason\": \"廃止\", \"partOfSet\": true}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/initiatives/" + oneSide.text("id") + "/withdrawals", "{\"reason\": \"廃止\"}").status())
                .as("no revenue line left: one side only").isEqualTo(200);
        assertThat(balance(2161, "revenue")).containsExactly(0, 0);
        assertThat(amend(expenditure, 1, "").status()).isEqualTo(200);
    }

    @Test
    void aSupplementaryBudgetOnBothSidesIsAcceptedWhenItKeepsTheBalanceAndRefusedWhenItDoesNot() {
        String expenditure = added(2162, "expenditure", "2", "1", 1_000_000);
        Api.Response revenue = add(2162, "revenue", "1", "1", 1_000_000, ", \"partOfSet\": true");
        assertThat(revenue.status()).isEqualTo(201);

        String balanced = """
                {"fiscalYear": 2162, "name": "第1号補正予算", "resolvedOn": "2162-09-01", "items": [
                  {"initiativeId": "%s", "deltaYen": 300000},
                  {"fiscalYear": 2162, "department": "財政課", "name": "繰越金", "amountYen": 200000, "accountCode": "1",
                   "accountName": "一般会計", "side": "revenue", "subject": {"kan": {"code": "9", "name": "繰越金"},
                   "kou": {"code": "1", "name": "繰越金"}, "moku": {"code": "1", "name": "繰越金"}}},
                  {"initiativeId": "%s", "deltaYen": 100000}]%s}""";
        Api.Response accepted = api.post("/api/supplementary-budgets", balanced.formatted(expenditure, revenue.text("id"), ""));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
        assertThat(balance(2162, "revenue")).containsExactly(1_300_000, 2);
        assertThat(balance(2162, "expenditure")).containsExactly(1_300_000, 1);

        long head = store.head();
        String unbalanced = """
                {"fiscalYear": 2162, "name": "第2号補正予算", "resolvedOn": "2162-12-01", "items": [
                  {"initiativeId": "%s", "deltaYen": 50000},
                  {"initiativeId": "%s", "deltaYen": 40000}]%s}""";
        Api.Response refused = api.post("/api/supplementary-budgets", unbalanced.formatted(expenditure, revenue.text("id"), ""));
        assertUnbalanced(refused, 1_340_000, 1_350_000, "1,340,000", "1,350,000");
        assertThat(store.head()).isEqualTo(head);
        assertThat(api.get("/api/supplementary-budgets?fiscalYear=2162&minPosition=" + head).body()).hasSize(1);
        assertThat(balance(2162, "expenditure")).containsExactly(1_300_000, 1);

        Api.Response partOfSet = api.post("/api/supplementary-budgets",
                unbalanced.formatted(expenditure, revenue.text("id"), ", \"partOfSet\": true"));
        assertThat(partOfSet.status()).as(partOfSet.raw()).isEqualTo(201);

        JsonNode balance = api.get("/api/totals/balance?fiscalYear=2162&minPosition=" + partOfSet.number("position")).body();
        assertThat(balance.toString()).contains("1340000", "1350000");
    }

    @Test
    void unclassifiedLinesAndTheBundledSampleTakeNoPart() {
        Api.Response first = api.post("/api/initiatives", Api.line(2163, "1", "分類", "総務部", "事業A", 1_000));
        Api.Response second = api.post("/api/initiatives", Api.line(2163, "1", "分類", "総務部", "事業B", 2_000));
        assertThat(first.status()).isEqualTo(201);
        assertThat(amend(first.text("id"), 500, "").status()).isEqualTo(200);
        assertThat(api.post("/api/transfers", """
                {"fromId": "%s", "toId": "%s", "amountYen": 700, "reason": "流用"}""".formatted(second.text("id"), first.text("id")))
                .status()).isEqualTo(201);
        Api.Response withdrawn = api.post("/api/initiatives/" + second.text("id") + "/withdrawals", "{\"reason\": \"廃止\"}");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(api.get("/api/initiatives/" + first.text("id") + "?minPosition=" + withdrawn.number("position")).body()
                .get("amountYen").asLong()).isEqualTo(2_200);

        for (int year : new int[]{2020, 2163}) {
            assertThat(jdbc.sql("SELECT count(*) FROM account_balance_line WHERE fiscal_year = ?").param(year).query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM account_balance WHERE fiscal_year = ?").param(year).query(Long.class).single())
                    .isZero();
        }
        assertThat(api.get("/api/totals?fiscalYear=2020").body().toString()).contains("312451000");
    }
}
