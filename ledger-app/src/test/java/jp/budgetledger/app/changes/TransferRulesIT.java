package jp.budgetledger.app.changes;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.eventstore.StoredEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 流用 by level, the 予算総則's clauses and barred 節, and 予備費充用 through HTTP on the embedded
 * PostgreSQL: every refusal is problem+json naming the rule and field, and records nothing.
 */
class TransferRulesIT extends LedgerIT {

    private static final int YEAR = 2170;

    @LocalServerPort
    int port;
    @Autowired
    StoredEvents store;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String level(String code, String name) {
        return "{\"code\": \"" + code + "\", \"name\": \"" + name + "\"}";
    }

    private String line(String name, String side, String kan, String kou, String moku, String setsu, long yen) {
        String subject = "{\"kan\": " + kan + ", \"kou\": " + kou + ", \"moku\": " + moku + (setsu == null ? "" : ", \"setsu\": " + setsu) + "}";
        Api.Response added = api.post("/api/initiatives", """
                {"fiscalYear": %d, "department": "財政課", "name": "%s", "amountYen": %d, "reason": "当初予算",
                 "accountCode": "1", "accountName": "一般会計", "side": "%s", "subject": %s}""".formatted(YEAR, name, yen, side, subject));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    private Api.Response transfer(String from, String to, long yen, String clause) {
        return api.post("/api/transfers", """
                {"fromId": "%s", "toId": "%s", "amountYen": %d, "reason": "流用"%s}""".formatted(from, to, yen,
                clause == null ? "" : ", \"clause\": \"" + clause + "\""));
    }

    private Api.Response use(String from, String to, long yen) {
        return api.post("/api/reserve-fund-uses", """
                {"fromId": "%s", "toId": "%s", "amountYen": %d, "effectiveDate": "%d-08-01", "reason": "台風被害への対応", "reference": "財第12号"}"""
                .formatted(from, to, yen, YEAR));
    }

    private void assertRefused(Api.Response response, int status, String rule, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).endsWith(rule);
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo(field);
    }

    @Test
    void transfersFollowTheLevelsTheClausesAndTheBarsAndTheReserveFundIsUsedOnlyForExpenditure() {
        String soumu = level("2", "総務費");
        String kanri = level("1", "総務管理費");
        String chouzei = level("2", "徴税費");
        String salaries = line("給料", "expenditure", soumu, kanri, level("1", "一般管理費"), level("2", "給料"), 1_000_000);
        String entertainment = line("交際費", "expenditure", soumu, kanri, level("1", "一般管理費"), level("9", "交際費"), 100_000);
        String allowances = line("職員手当等", "expenditure", soumu, chouzei, level("1", "税務総務費"), level("3", "職員手当等"), 1_000_000);
        String supplies = line("需用費", "expenditure", soumu, chouzei, level("2", "賦課徴収費"), level("10", "需用費"), 400_000);
        String welfare = line("社会福祉", "expenditure", level("3", "民生費"), level("1", "社会福祉費"), level("1", "社会福祉総務費"), null, 1_000_000);
        String reserve = line("予備費", "expenditure", level("14", "予備費"), level("1", "予備費"), level("1", "予備費"), null, 500_000);
        String revenue = line("市民税", "revenue", level("1", "市税"), level("1", "市民税"), level("1", "個人"), null, 4_000_000);
        long head = store.head();

        assertRefused(transfer(salaries, welfare, 1_000, null), 422, "transfer-across-kan", "toId");
        assertRefused(transfer(salaries, allowances, 1_000, null), 422, "transfer-across-kou", "toId");
        assertRefused(transfer(salaries, allowances, 1_000, "第5条"), 422, "unknown-clause", "clause");
        assertRefused(transfer(reserve, salaries, 1_000, null), 422, "transfer-touches-reserve-fund", "fromId");
        assertRefused(transfer(revenue, salaries, 1_000, null), 422, "transfer-across-side", "toId");
        assertThat(store.head()).as("nothing recorded").isEqualTo(head);

        Api.Response clause = api.post("/api/general-provisions/" + YEAR + "/transfer-clauses", """
                {"accountCode": "1", "accountName": "一般会計", "article": "第5条",
                 "text": "各項に計上した給料、職員手当等及び共済費に係る予算額に過不足を生じた場合における同一款内でのこれらの経費の各項の間の流用",
                 "kan": %s, "setsus": [%s, %s, %s]}""".formatted(soumu, level("2", "給料"), level("3", "職員手当等"), level("4", "共済費")));
        assertThat(clause.status()).as(clause.raw()).isEqualTo(201);
        assertThat(clause.text("id")).isEqualTo("provisions-" + YEAR);
        assertRefused(api.post("/api/general-provisions/" + YEAR + "/transfer-clauses", """
                {"accountName": "一般会計", "article": "第5条", "text": "重ねて", "kan": %s, "kous": [%s, %s]}""".formatted(soumu, kanri, chouzei)),
                409, "duplicate-clause", "article");
        Api.Response barred = api.post("/api/general-provisions/" + YEAR + "/barred-setsu", """
                {"accountCode": "1", "accountName": "一般会計", "setsu": %s, "reason": "交際費は流用により増額しない"}""".formatted(level("9", "交際費")));
        assertThat(barred.status()).as(barred.raw()).isEqualTo(201);
        JsonNode provisions = api.get("/api/general-provisions/" + YEAR).body();
        assertThat(provisions.at("/transferClauses/0/article").asText()).isEqualTo("第5条");
        assertThat(provisions.at("/transferClauses/0/setsus/2/name").asText()).isEqualTo("共済費");
        assertThat(provisions.at("/transferClauses/0/effectiveDate").asText()).isEqualTo(YEAR + "-04-01");
        assertThat(provisions.at("/barredSetsu/0/setsu/name").asText()).isEqualTo("交際費");
        assertThat(api.get("/api/general-provisions/" + (YEAR + 1)).body().get("transferClauses")).isEmpty();

        head = store.head();
        assertRefused(transfer(salaries, supplies, 1_000, "第5条"), 422, "transfer-across-kou", "clause");
        assertRefused(transfer(entertainment, salaries, 1_000, null), 422, "transfer-from-barred-setsu", "fromId");
        assertThat(store.head()).as("nothing recorded").isEqualTo(head);

        Api.Response across = transfer(salaries, allowances, 30_000, "第5条");
        assertThat(across.status()).as(across.raw()).isEqualTo(201);
        assertThat(across.text("level")).isEqualTo("kou");
        assertThat(across.text("clause")).isEqualTo("第5条");
        Api.Response within = transfer(salaries, entertainment, 10_000, null);
        assertThat(within.status()).as("a barred 節 may receive").isEqualTo(201);
        assertThat(within.text("level")).isEqualTo("setsu");

        JsonNode reserveLine = api.get("/api/initiatives/" + reserve + "?minPosition=" + within.number("position")).body();
        assertThat(reserveLine.get("reserveFund").asBoolean()).isTrue();
        assertThat(api.get("/api/initiatives/" + salaries).body().get("reserveFund").asBoolean()).isFalse();

        head = store.head();
        assertRefused(use(reserve, revenue, 1_000), 422, "reserve-fund-revenue-side", "toId");
        assertRefused(use(reserve, supplies, 500_001), 422, "reserve-fund-exceeded", "amountYen");
        assertRefused(use(salaries, supplies, 1_000), 422, "not-a-reserve-fund", "fromId");
        assertThat(store.head()).as("nothing recorded").isEqualTo(head);

        Api.Response used = use(reserve, supplies, 200_000);
        assertThat(used.status()).as(used.raw()).isEqualTo(201);
        assertThat(used.text("id")).startsWith("rf-");
        JsonNode after = api.get("/api/initiatives/" + supplies + "?minPosition=" + used.number("position")).body();
        assertThat(after.get("amountYen").asLong()).isEqualTo(600_000);
        assertThat(api.get("/api/initiatives/" + reserve).body().get("amountYen").asLong()).isEqualTo(300_000);
        JsonNode history = api.get("/api/initiatives/" + supplies + "/history").body();
        assertThat(history.get(history.size() - 1).at("/changes/cause/kind").asText()).isEqualTo("reserve-fund");
        assertThat(history.get(history.size() - 1).at("/changes/cause/id").asText()).isEqualTo(used.text("id"));

        JsonNode useHistory = api.get("/api/initiatives/" + used.text("id") + "/history").body();
        assertThat(useHistory.get(0).get("type").asText()).isEqualTo("ReserveFundUsed");
        assertThat(useHistory.get(0).get("reference").asText()).isEqualTo("財第12号");
        assertThat(useHistory.get(0).at("/changes/amount").asLong()).isEqualTo(200_000);
        JsonNode transferHistory = api.get("/api/initiatives/" + across.text("id") + "/history").body();
        assertThat(transferHistory.get(0).at("/changes/level").asText()).isEqualTo("kou");
        assertThat(transferHistory.get(0).at("/changes/clause").asText()).isEqualTo("第5条");
        JsonNode provisionsHistory = api.get("/api/initiatives/provisions-" + YEAR + "/history").body();
        assertThat(provisionsHistory).extracting(e -> e.get("type").asText()).containsExactly("TransferClauseRegistered", "SetsuBarred");
        assertThat(provisionsHistory.get(0).at("/changes/clause/article").asText()).isEqualTo("第5条");

        JsonNode audit = api.get("/api/audit/events?fiscalYear=" + YEAR + "&minPosition=" + used.number("position")).body();
        assertThat(audit.toString()).contains("予備費充用 " + reserve + " → " + supplies, "(項間流用 第5条)", "(節間流用)",
                "予算総則 第5条 項間流用", "流用禁止 節 交際費");
    }
}
