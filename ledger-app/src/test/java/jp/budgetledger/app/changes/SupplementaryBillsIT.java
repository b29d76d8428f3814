package jp.budgetledger.app.changes;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supplementary budgets as bills through HTTP on the embedded PostgreSQL: numbered per 会計 and fiscal year in order of
 * submission, nothing in force while submitted (but counted by stage=proposed), the assembly's resolution (passed, amended,
 * rejected) once, a 専決処分 in force at once and staying so when the assembly disapproves it, and the refusals that record
 * nothing. Each test has its own fiscal years.
 */
class SupplementaryBillsIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    StoredEvents store;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** Adds a line of 会計 {@code account} (code and name) on {@code side}; returns its id. */
    private String line(int year, String accountCode, String accountName, String side, String moku, long yen, boolean partOfSet) {
        String kanName = side.equals("revenue") ? "市税" : "総務費";
        Api.Response added = api.post("/api/initiatives", """
                {"fiscalYear": %d, "department": "財政課", "name": "%s目%s", "amountYen": %d, "reason": "当初予算",
                 "accountCode": "%s", "accountName": "%s", "side": "%s",
                 "subject": {"kan": {"code": "1", "name": "%s"}, "kou": {"code": "1", "name": "項"},
                             "moku": {"code": "%s", "name": "目%s"}}, "partOfSet": %s}"""
                .formatted(year, side, moku, yen, accountCode, accountName, side, kanName, moku, moku, partOfSet));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    /** A balanced 一般会計 of {@code year}: one expenditure and one revenue line of 1,000,000 yen each. */
    private String[] balancedAccount(int year) {
        String expenditure = line(year, "1", "一般会計", "expenditure", "1", 1_000_000, true);
        String revenue = line(year, "1", "一般会計", "revenue", "1", 1_000_000, false);
        return new String[]{expenditure, revenue};
    }

    private static String items(String expenditure, long expenditureDelta, String revenue, long revenueDelta) {
        return """
                [{"initiativeId": "%s", "deltaYen": %d}, {"initiativeId": "%s", "deltaYen": %d}]"""
                .formatted(expenditure, expenditureDelta, revenue, revenueDelta);
    }

    private Api.Response submit(int year, String name, String items) {
        return api.post("/api/supplementary-budgets", """
                {"fiscalYear": %d, "name": "%s", "procedure": "assembly", "submittedOn": "%d-09-01", "billNumber": "議案第%d号",
                 "items": %s}""".formatted(year, name, year, name.length(), items));
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response;
    }

    private long total(int year, String query, long position) {
        return api.get("/api/totals?fiscalYear=" + year + query + "&minPosition=" + position).number("totalYen");
    }

    private JsonNode budget(String id, long position) {
        Api.Response found = api.get("/api/supplementary-budgets/" + id + "?minPosition=" + position);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        return found.body();
    }

    private static void assertProblem(Api.Response response, int status, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("rule")).isEqualTo(rule);
    }

    @Test
    void billsAreNumberedInOrderOfSubmissionPerAccountAndFiscalYear() {
        String[] general = balancedAccount(2120);
        String special = line(2120, "2", "国民健康保険事業特別会計", "expenditure", "1", 500_000, false);
        String plain = created(api.post("/api/initiatives", Api.line(2120, "1", "分類", "総務部", "事業A", 10_000))).text("id");
        String[] nextYear = balancedAccount(2121);

        Api.Response first = created(submit(2120, "9月補正", items(general[0], 100_000, general[1], 100_000)));
        assertThat(first.number("number")).isEqualTo(1);
        assertThat(first.text("title")).isEqualTo("令和102年度一般会計補正予算（第1号）");
        assertThat(first.text("state")).isEqualTo("submitted");
        Api.Response second = created(submit(2120, "12月補正", items(general[0], 50_000, general[1], 50_000)));
        assertThat(second.number("number")).isEqualTo(2);
        Api.Response enacted = created(api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2120, "name": "3月補正", "resolvedOn": "2121-03-20", "items": %s}"""
                .formatted(items(general[0], 10_000, general[1], 10_000))));
        assertThat(enacted.number("number")).as("today's body: a bill submitted and passed at once").isEqualTo(3);
        assertThat(enacted.text("title")).isEqualTo("令和102年度一般会計補正予算（第3号）");

        Api.Response otherAccount = created(submit(2120, "特会補正", "[{\"initiativeId\": \"" + special + "\", \"deltaYen\": 1000}]"));
        assertThat(otherAccount.number("number")).isEqualTo(1);
        assertThat(otherAccount.text("title")).isEqualTo("令和102年度国民健康保険事業特別会計補正予算（第1号）");
        Api.Response unclassified = created(submit(2120, "補正", "[{\"initiativeId\": \"" + plain + "\", \"deltaYen\": 1000}]"));
        assertThat(unclassified.number("number")).isEqualTo(1);
        assertThat(unclassified.text("title")).isEqualTo("令和102年度補正予算（第1号）");
        Api.Response otherYear = created(submit(2121, "9月補正", items(nextYear[0], 100_000, nextYear[1], 100_000)));
        assertThat(otherYear.number("number")).isEqualTo(1);
        assertThat(otherYear.text("title")).isEqualTo("令和103年度一般会計補正予算（第1号）");

        JsonNode listed = api.get("/api/supplementary-budgets?fiscalYear=2120&minPosition=" + unclassified.number("position")).body();
        List<String> titles = new ArrayList<>();
        listed.forEach(b -> titles.add(b.get("number").asInt() + " " + b.get("state").asText() + " " + b.get("billNumber").asText()));
        assertThat(titles).containsExactly("1 submitted 議案第4号", "2 submitted 議案第5号", "3 passed null", "1 submitted 議案第4号",
                "1 submitted 議案第2号");
    }

    @Test
    void aSubmittedBillIsNotInForceButIsCountedAsProposedAndThenPassesRejectsOrIsAmended() {
        String[] general = balancedAccount(2122);
        String other = line(2122, "1", "一般会計", "expenditure", "2", 300_000, true);
        String otherRevenue = line(2122, "1", "一般会計", "revenue", "2", 300_000, false);
        long before = total(2122, "", store.head());
        assertThat(before).isEqualTo(2_600_000);

        Api.Response passing = created(submit(2122, "9月補正", items(general[0], 100_000, general[1], 100_000)));
        Api.Response rejected = created(submit(2122, "12月補正", items(general[0], 7_000, general[1], 7_000)));
        Api.Response amended = created(submit(2122, "2月補正", items(general[0], 20_000, general[1], 20_000)));
        long submittedAt = amended.number("position");
        assertThat(total(2122, "", submittedAt)).as("nothing in force").isEqualTo(before);
        assertThat(total(2122, "&stage=proposed", submittedAt)).as("as if every submitted bill passed")
                .isEqualTo(before + 2 * (100_000 + 7_000 + 20_000));
        JsonNode departments = api.get("/api/totals/departments?fiscalYear=2122&stage=proposed&minPosition=" + submittedAt).body();
        assertThat(departments.get(0).get("totalYen").asLong()).isEqualTo(before + 254_000);
        JsonNode tree = api.get("/api/totals/tree?fiscalYear=2122&stage=proposed&depth=side&minPosition=" + submittedAt).body();
        assertThat(tree.toString()).contains("\"totalYen\":1427000");
        assertThat(api.get("/api/reports/stages?fiscalYear=2122&minPosition=" + submittedAt).body().get("stages")).hasSize(1);

        Api.Response passed = created(api.post("/api/supplementary-budgets/" + passing.text("id") + "/resolutions",
                "{\"outcome\": \"passed\", \"resolvedOn\": \"2122-09-25\"}"));
        assertThat(total(2122, "", passed.number("position"))).isEqualTo(before + 200_000);
        assertThat(total(2122, "&effectiveOn=2122-09-24", passed.number("position"))).as("in force from resolvedOn").isEqualTo(before);
        JsonNode passedView = budget(passing.text("id"), passed.number("position"));
        assertThat(passedView.get("state").asText()).isEqualTo("passed");
        assertThat(passedView.get("resolvedOn").asText()).isEqualTo("2122-09-25");
        assertThat(passedView.get("submittedOn").asText()).isEqualTo("2122-09-01");

        long head = store.head();
        Api.Response no = created(api.post("/api/supplementary-budgets/" + rejected.text("id") + "/resolutions",
                "{\"outcome\": \"rejected\", \"resolvedOn\": \"2122-12-20\"}"));
        assertThat(total(2122, "", no.number("position"))).as("否決 changes nothing").isEqualTo(before + 200_000);
        assertThat(budget(rejected.text("id"), no.number("position")).get("state").asText()).isEqualTo("rejected");
        assertThat(store.head()).as("only the resolution is recorded").isEqualTo(head + 1);
        assertProblem(api.post("/api/supplementary-budgets/" + rejected.text("id") + "/resolutions",
                "{\"outcome\": \"passed\", \"resolvedOn\": \"2122-12-21\"}"), 409, "bill-not-submitted");
        assertProblem(api.post("/api/supplementary-budgets/" + passing.text("id") + "/resolutions",
                "{\"outcome\": \"passed\", \"resolvedOn\": \"2122-12-21\"}"), 409, "bill-not-submitted");

        Api.Response modified = created(api.post("/api/supplementary-budgets/" + amended.text("id") + "/resolutions",
                "{\"outcome\": \"amended\", \"resolvedOn\": \"2123-02-25\", \"items\": " + items(other, 5_000, otherRevenue, 5_000) + "}"));
        long after = modified.number("position");
        assertThat(total(2122, "", after)).as("修正可決: only the amended items").isEqualTo(before + 210_000);
        assertThat(api.get("/api/initiatives/" + general[0] + "?minPosition=" + after).body().get("amountYen").asLong())
                .isEqualTo(1_100_000);
        assertThat(api.get("/api/initiatives/" + other + "?minPosition=" + after).body().get("amountYen").asLong()).isEqualTo(305_000);
        JsonNode amendedView = budget(amended.text("id"), after);
        assertThat(amendedView.get("state").asText()).isEqualTo("amended");
        assertThat(amendedView.get("items").get(0).get("deltaYen").asLong()).as("as submitted").isEqualTo(20_000);
        assertThat(amendedView.get("amendedItems").get(0).get("deltaYen").asLong()).as("as amended").isEqualTo(5_000);
        assertThat(amendedView.get("deltaYen").asLong()).as("in force").isEqualTo(10_000);
        assertThat(total(2122, "&stage=proposed", after)).as("no bill left submitted").isEqualTo(before + 210_000);

        JsonNode stages = api.get("/api/reports/stages?fiscalYear=2122&minPosition=" + after).body().get("stages");
        assertThat(stages).as("the initial budget and the two bills in force").hasSize(3);
        assertThat(stages.get(1).get("stage").asText()).isEqualTo(passing.text("id"));
        assertThat(stages.get(1).get("changeYen").asLong()).isEqualTo(200_000);
        assertThat(stages.get(2).get("changeYen").asLong()).isEqualTo(10_000);
        assertThat(total(2122, "&stage=" + passing.text("id"), after)).isEqualTo(before + 200_000);
        assertThat(api.get("/api/totals?fiscalYear=2122&stage=" + rejected.text("id")).status()).as("a rejected bill is no stage")
                .isEqualTo(400);
    }

    @Test
    void aSenketsuIsInForceFromItsDecisionAndStaysSoWhenTheAssemblyDisapprovesIt() {
        String[] general = balancedAccount(2124);
        Api.Response decided = created(api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2124, "name": "専決第1号", "procedure": "senketsu", "decidedOn": "2124-05-10", "items": %s}"""
                .formatted(items(general[0], 30_000, general[1], 30_000))));
        assertThat(decided.text("state")).isEqualTo("senketsu");
        assertThat(decided.number("number")).isEqualTo(1);
        long position = decided.number("position");
        assertThat(total(2124, "", position)).isEqualTo(2_060_000);
        assertThat(total(2124, "&effectiveOn=2124-05-09", position)).isEqualTo(2_000_000);

        Api.Response disapproved = created(api.post("/api/supplementary-budgets/" + decided.text("id") + "/assembly-reports",
                "{\"outcome\": \"disapproved\", \"on\": \"2124-06-20\"}"));
        JsonNode view = budget(decided.text("id"), disapproved.number("position"));
        assertThat(view.get("procedure").asText()).isEqualTo("senketsu");
        assertThat(view.get("state").asText()).isEqualTo("senketsu");
        assertThat(view.get("decidedOn").asText()).isEqualTo("2124-05-10");
        assertThat(view.get("assemblyReport").asText()).isEqualTo("disapproved");
        assertThat(view.get("assemblyReportOn").asText()).isEqualTo("2124-06-20");
        assertThat(total(2124, "", disapproved.number("position"))).as("不承認 does not undo it").isEqualTo(2_060_000);
        JsonNode audit = api.get("/api/audit/events?fiscalYear=2124&minPosition=" + disapproved.number("position")).body();
        assertThat(audit.toString()).contains("専決処分 不承認", "専決処分 令和106年度一般会計補正予算（第1号）");

        assertProblem(api.post("/api/supplementary-budgets/" + decided.text("id") + "/assembly-reports",
                "{\"outcome\": \"approved\", \"on\": \"2124-06-21\"}"), 409, "assembly-already-reported");
        Api.Response bill = created(submit(2124, "9月補正", items(general[0], 1_000, general[1], 1_000)));
        assertThat(bill.number("number")).isEqualTo(2);
        assertProblem(api.post("/api/supplementary-budgets/" + bill.text("id") + "/assembly-reports",
                "{\"outcome\": \"approved\", \"on\": \"2124-09-21\"}"), 409, "not-senketsu");
        assertProblem(api.post("/api/supplementary-budgets/" + decided.text("id") + "/resolutions",
                "{\"outcome\": \"passed\", \"resolvedOn\": \"2124-09-21\"}"), 409, "bill-not-submitted");
        assertThat(api.post("/api/supplementary-budgets/sb-none/assembly-reports", "{\"outcome\": \"approved\", \"on\": \"2124-06-21\"}")
                .status()).isEqualTo(404);
        assertThat(api.post("/api/supplementary-budgets/sb-none/resolutions", "{\"outcome\": \"passed\", \"resolvedOn\": \"2124-06-21\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void anUnbalancedBillOrOneAcrossTwoAccountsIsRefusedAndRecordsNothing() {
        String[] general = balancedAccount(2126);
        String special = line(2126, "2", "国民健康保険事業特別会計", "expenditure", "1", 500_000, false);
        long head = store.head();

        Api.Response unbalanced = submit(2126, "9月補正", items(general[0], 100_000, general[1], 90_000));
        assertProblem(unbalanced, 422, "unbalanced-account");
        assertThat(unbalanced.number("revenueYen")).isEqualTo(1_090_000);
        assertThat(unbalanced.number("expenditureYen")).isEqualTo(1_100_000);
        assertProblem(submit(2126, "9月補正", items(general[0], 100_000, special, 100_000)), 422, "bill-across-accounts");
        Api.Response unknown = submit(2126, "9月補正", "[{\"initiativeId\": \"no-such-line\", \"deltaYen\": 1}]");
        assertProblem(unknown, 422, "unknown-line");
        assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("items[0].initiativeId");
        assertProblem(api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2126, "name": "専決", "procedure": "senketsu", "decidedOn": "2126-05-10", "items": %s}"""
                .formatted(items(general[0], 100_000, general[1], 90_000))), 422, "unbalanced-account");
        assertThat(store.head()).as("nothing recorded").isEqualTo(head);

        Api.Response noDate = api.post("/api/supplementary-budgets", """
                {"fiscalYear": 2126, "name": "9月補正", "procedure": "assembly", "items": %s}"""
                .formatted(items(general[0], 100_000, general[1], 100_000)));
        assertThat(noDate.status()).as(noDate.raw()).isEqualTo(400);
        assertThat(noDate.raw()).contains("submittedOn");
        Api.Response first = created(submit(2126, "9月補正", items(general[0], 100_000, general[1], 100_000)));
        assertThat(first.number("number")).as("the refused bills took no number").isEqualTo(1);
        Api.Response amendedWithoutItems = api.post("/api/supplementary-budgets/" + first.text("id") + "/resolutions",
                "{\"outcome\": \"amended\", \"resolvedOn\": \"2126-09-25\"}");
        assertThat(amendedWithoutItems.status()).as(amendedWithoutItems.raw()).isEqualTo(400);
        assertThat(amendedWithoutItems.raw()).contains("items");
        Api.Response unbalancedAmendment = api.post("/api/supplementary-budgets/" + first.text("id") + "/resolutions",
                "{\"outcome\": \"amended\", \"resolvedOn\": \"2126-09-25\", \"items\": " + items(general[0], 5_000, general[1], 4_000) + "}");
        assertProblem(unbalancedAmendment, 422, "unbalanced-account");
        assertThat(budget(first.text("id"), first.number("position")).get("state").asText()).isEqualTo("submitted");
    }
}
