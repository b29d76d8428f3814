package jp.budgetledger.app.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four-eyes approval with the packaged default (transfers need approval): an officer's transfer
 * is a draft that changes no figure until another user with APPROVER approves it; it then takes
 * effect as the officer's change with the approver beside the actor on every event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalIT {

    private static final Path DATA_DIR = LedgerIT.newDataDirectory("ledger-approval-it-");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void ledgerProperties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        TestUsers.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Api as(String user) {
        return new Api(port).as(user);
    }

    private String add(int year, String name, long yen) {
        Api.Response added = as("tanaka").post("/api/initiatives", line(year, "1", "分類1", "総務部", name, yen));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    private static String transfer(String from, String to, long yen) {
        return "{\"fromId\": \"%s\", \"toId\": \"%s\", \"amountYen\": %d, \"reason\": \"流用（起案）\", \"reference\": \"起案第7号\"}"
                .formatted(from, to, yen);
    }

    private long amountOf(String line, long position) {
        return as("viewer").get("/api/initiatives/" + line + "?minPosition=" + position).number("amountYen");
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private long eventsOfType(String type) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadType = ?").param(type).query(Long.class).single();
    }

    private JsonNode metadataOf(String aggregate, long sequence) throws Exception {
        return JSON.readTree(jdbc.sql("SELECT convert_from(metaData, 'UTF8') FROM domainevententry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?").params(aggregate, sequence).query(String.class).single());
    }

    private Api.Response draft(String officer, String from, String to, long yen) {
        Api.Response drafted = as(officer).post("/api/transfers", transfer(from, to, yen));
        assertThat(drafted.status()).as(drafted.raw()).isEqualTo(202);
        assertThat(drafted.text("state")).isEqualTo("pending");
        assertThat(drafted.text("kind")).isEqualTo("transfer");
        assertThat(drafted.headers().firstValue("Location")).contains("/api/approvals/" + drafted.text("draftId"));
        return drafted;
    }

    private static List<String> ids(Api.Response list) {
        List<String> ids = new ArrayList<>();
        list.body().forEach(d -> ids.add(d.get("id").asText()));
        return ids;
    }

    @Test
    void anOfficersTransferWaitsAsADraftAndTakesEffectOnlyOnceAnotherUserApprovesIt() throws Exception {
        String from = add(2190, "流用元", 1_000_000);
        String to = add(2190, "流用先", 500_000);
        long before = eventsOfType("jp.budgetledger.core.api.FundsTransferred");

        Api.Response drafted = draft("tanaka", from, to, 300_000);
        String draftId = drafted.text("draftId");
        long draftedAt = drafted.number("position");
        assertThat(eventsOfType("jp.budgetledger.core.api.FundsTransferred")).isEqualTo(before);
        assertThat(amountOf(from, draftedAt)).isEqualTo(1_000_000);
        assertThat(amountOf(to, draftedAt)).isEqualTo(500_000);

        Api.Response own = as("tanaka").get("/api/approvals?state=pending&minPosition=" + draftedAt);
        assertThat(ids(own)).contains(draftId);
        JsonNode pending = as("tanaka").get("/api/approvals/" + draftId).body();
        assertThat(pending.get("state").asText()).isEqualTo("pending");
        assertThat(pending.get("requester").asText()).isEqualTo("tanaka");
        assertThat(pending.get("kind").asText()).isEqualTo("transfer");
        assertThat(pending.at("/proposal/kind").asText()).isEqualTo("transfer");
        assertThat(pending.at("/proposal/fromId").asText()).isEqualTo(from);
        assertThat(pending.get("changeIds")).isEmpty();
        assertThat(ids(as("only-officer").get("/api/approvals?state=pending"))).as("another officer does not see tanaka's drafts")
                .doesNotContain(draftId);
        assertThat(as("only-officer").get("/api/approvals/" + draftId).status()).isEqualTo(404);
        assertThat(ids(as("approver").get("/api/approvals?state=pending"))).contains(draftId);
        assertThat(as("tanaka").post("/api/approvals/" + draftId + "/approve", "").status()).as("an officer is no approver").isEqualTo(403);

        Api.Response approved = as("approver").post("/api/approvals/" + draftId + "/approve", "");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("state")).isEqualTo("approved");
        long approvedAt = approved.number("position");
        assertThat(amountOf(from, approvedAt)).isEqualTo(700_000);
        assertThat(amountOf(to, approvedAt)).isEqualTo(800_000);
        assertThat(eventsOfType("jp.budgetledger.core.api.FundsTransferred")).isEqualTo(before + 1);

        String transferId = pending.at("/proposal/transferId").asText();
        for (JsonNode meta : List.of(metadataOf(from, 1), metadataOf(to, 1), metadataOf(transferId, 0))) {
            assertThat(meta.get("actor").asText()).as(meta.toString()).isEqualTo("tanaka");
            assertThat(meta.get("approvedBy").asText()).isEqualTo("approver");
            assertThat(meta.get("draftId").asText()).isEqualTo(draftId);
            assertThat(meta.get("reason").asText()).isEqualTo("流用（起案）");
        }
        assertThat(metadataOf(draftId, 0).get("actor").asText()).isEqualTo("tanaka");
        assertThat(metadataOf(draftId, 1).get("actor").asText()).isEqualTo("approver");
        assertThat(metadataOf(draftId, 1).get("correlationId").asText())
                .isEqualTo(metadataOf(transferId, 0).get("correlationId").asText());

        JsonNode decided = as("tanaka").get("/api/approvals/" + draftId + "?minPosition=" + approvedAt).body();
        assertThat(decided.get("state").asText()).isEqualTo("approved");
        assertThat(decided.get("approver").asText()).isEqualTo("approver");
        assertThat(decided.get("decidedAt").isNull()).isFalse();
        assertThat(decided.get("changeIds").toString()).isEqualTo("[\"" + transferId + "\"]");
        assertThat(ids(as("tanaka").get("/api/approvals?state=pending"))).doesNotContain(draftId);
        assertThat(ids(as("tanaka").get("/api/approvals?state=approved"))).contains(draftId);

        Api.Response again = as("kacho").post("/api/approvals/" + draftId + "/approve", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("rule").asText()).isEqualTo("draft-not-pending");
        assertThat(amountOf(from, approvedAt)).isEqualTo(700_000);

        JsonNode draftHistory = as("tanaka").get("/api/approvals/" + draftId + "/history").body();
        assertThat(draftHistory).extracting(e -> e.get("type").asText()).containsExactly("ChangeDrafted", "DraftApproved");
        assertThat(draftHistory).extracting(e -> e.get("actor").asText()).containsExactly("tanaka", "approver");
        assertThat(draftHistory.get(0).get("reason").asText()).isEqualTo("流用（起案）");
        assertThat(draftHistory.get(0).get("reference").asText()).isEqualTo("起案第7号");
        assertThat(draftHistory.get(0).at("/changes/proposal/kind").asText()).as(draftHistory.toString()).isEqualTo("transfer");
        assertThat(draftHistory.get(0).at("/changes/proposal/fromId").asText()).isEqualTo(from);
        assertThat(draftHistory.get(0).get("draftId").asText()).isEqualTo(draftId);
        assertThat(as("only-officer").get("/api/approvals/" + draftId + "/history").status()).isEqualTo(404);

        JsonNode history = as(TestUsers.DEFAULT).get("/api/initiatives/" + from + "/history").body();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("actor").asText()).isEqualTo("tanaka");
        assertThat(last.get("approvedBy").asText()).isEqualTo("approver");
        assertThat(last.get("draftId").asText()).isEqualTo(draftId);

        JsonNode audit = as(TestUsers.DEFAULT).get("/api/audit/events?fiscalYear=2190&size=500&minPosition=" + approvedAt).body();
        List<JsonNode> transferred = new ArrayList<>();
        audit.get("items").forEach(e -> {
            if (draftId.equals(e.path("draftId").asText(null))) {
                transferred.add(e);
            }
        });
        assertThat(transferred).as("the draft is filed under the year it changes, with the change it became")
                .extracting(e -> e.get("type").asText())
                .containsExactly("ChangeDrafted", "DraftApproved", "AmountAmended", "AmountAmended", "FundsTransferred");
        assertThat(transferred.get(0).get("actor").asText()).isEqualTo("tanaka");
        assertThat(transferred.get(1).get("actor").asText()).isEqualTo("approver");
        assertThat(transferred.subList(2, 5)).allSatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("tanaka");
            assertThat(e.get("approvedBy").asText()).isEqualTo("approver");
        });
        JsonNode drafts = as(TestUsers.DEFAULT).get("/api/audit/events?actor=approver&size=500&minPosition=" + approvedAt).body();
        assertThat(drafts.get("items").toString()).contains("\"type\":\"DraftApproved\"", draftId);
        JsonNode requested = as(TestUsers.DEFAULT).get("/api/audit/events?actor=tanaka&size=500").body();
        assertThat(requested.get("items").toString()).contains("\"type\":\"ChangeDrafted\"", "\"subject\":\"transfer\"");

        JsonNode replay = as(TestUsers.DEFAULT).post("/api/audit/replays", "{\"fiscalYear\": 2190}").body();
        assertThat(replay.get("matches").asBoolean()).as(replay.toString()).isTrue();
        JsonNode verified = as(TestUsers.DEFAULT).post("/api/audit/verify", "{}").body();
        assertThat(verified.get("verified").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void aRejectedDraftChangesNothingAndCannotBeApprovedLater() {
        String from = add(2191, "流用元", 1_000_000);
        String to = add(2191, "流用先", 500_000);
        Api.Response drafted = draft("tanaka", from, to, 200_000);
        String draftId = drafted.text("draftId");

        Api.Response blank = as("approver").post("/api/approvals/" + draftId + "/reject", "{\"reason\": \" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.raw()).contains("reason");
        long before = events();
        Api.Response rejected = as("approver").post("/api/approvals/" + draftId + "/reject", "{\"reason\": \"根拠規定の確認が必要\"}");
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        assertThat(events()).as("only the rejection is recorded").isEqualTo(before + 1);
        long rejectedAt = rejected.number("position");
        assertThat(amountOf(from, rejectedAt)).isEqualTo(1_000_000);
        assertThat(amountOf(to, rejectedAt)).isEqualTo(500_000);

        JsonNode view = as("tanaka").get("/api/approvals/" + draftId + "?minPosition=" + rejectedAt).body();
        assertThat(view.get("state").asText()).isEqualTo("rejected");
        assertThat(view.get("reason").asText()).isEqualTo("根拠規定の確認が必要");
        assertThat(view.get("approver").asText()).isEqualTo("approver");
        assertThat(ids(as("tanaka").get("/api/approvals?state=rejected"))).contains(draftId);

        Api.Response late = as("kacho").post("/api/approvals/" + draftId + "/approve", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("rule").asText()).isEqualTo("draft-not-pending");
        assertThat(events()).isEqualTo(before + 1);
        assertThat(amountOf(from, rejectedAt)).isEqualTo(1_000_000);
    }

    @Test
    void theRequesterCannotApproveTheirOwnDraftEvenWithTheApproverRole() {
        String from = add(2192, "流用元", 1_000_000);
        String to = add(2192, "流用先", 500_000);
        String draftId = draft("approving-officer", from, to, 100_000).text("draftId");
        long before = events();

        Api.Response own = as("approving-officer").post("/api/approvals/" + draftId + "/approve", "");
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.body().get("rule").asText()).isEqualTo("self-approval");
        Api.Response ownReject = as("approving-officer").post("/api/approvals/" + draftId + "/reject", "{\"reason\": \"取下げ\"}");
        assertThat(ownReject.body().get("rule").asText()).isEqualTo("self-approval");
        assertThat(events()).isEqualTo(before);

        Api.Response approved = as("kacho").post("/api/approvals/" + draftId + "/approve", "");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(amountOf(from, approved.number("position"))).isEqualTo(900_000);
    }

    @Test
    void aTransferRefusedByItsRulesRecordsNoDraft() {
        String from = add(2193, "流用元", 1_000_000);
        String to = add(2193, "流用先", 500_000);
        long before = events();
        Api.Response refused = as("tanaka").post("/api/transfers", transfer(from, to, 1_000_001));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("rule").asText()).isEqualTo("negative-amount");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("amountYen");
        Api.Response unknown = as("tanaka").post("/api/transfers", transfer(from, "no-such-line", 1));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().at("/errors/0/field").asText()).isEqualTo("toId");
        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?")
                .param("%" + from + "%").query(Long.class).single()).as("only the line's own addition names it").isEqualTo(1);
    }

    @Test
    void aDraftWhoseTransferNoLongerFitsAtApprovalIsRefusedAndStaysPendingWithNothingRecorded() {
        String from = add(2194, "流用元", 1_000_000);
        String to = add(2194, "流用先", 500_000);
        String draftId = draft("tanaka", from, to, 800_000).text("draftId");
        Api.Response amended = as("tanaka").post("/api/initiatives/" + from + "/amendments", "{\"deltaYen\": -500000, \"reason\": \"減額\"}");
        assertThat(amended.status()).as("an amendment needs no approval: " + amended.raw()).isEqualTo(200);
        long before = events();

        Api.Response refused = as("approver").post("/api/approvals/" + draftId + "/approve", "");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().get("rule").asText()).isEqualTo("negative-amount");
        assertThat(events()).as("neither DraftApproved nor any of the transfer's events").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateIdentifier = ?").param(draftId)
                .query(Long.class).single()).isEqualTo(1);
        long position = amended.number("position");
        assertThat(amountOf(from, position)).isEqualTo(500_000);
        assertThat(amountOf(to, position)).isEqualTo(500_000);
        assertThat(as("tanaka").get("/api/approvals/" + draftId + "?minPosition=" + position).body().get("state").asText()).isEqualTo("pending");

        Api.Response rejected = as("approver").post("/api/approvals/" + draftId + "/reject", "{\"reason\": \"財源不足\"}");
        assertThat(rejected.status()).as("the draft is still pending, so it can still be decided").isEqualTo(200);
    }

    @Test
    void anApproverLimitedToOneDepartmentCannotApproveADraftThatChangesAnotherDepartmentsLine() {
        String from = add(2195, "流用元", 1_000_000);
        Api.Response treasury = as("tanaka").post("/api/initiatives", line(2195, "1", "分類1", "出納局", "流用先", 500_000));
        assertThat(treasury.status()).as(treasury.raw()).isEqualTo(201);
        Api.Response drafted = draft("tanaka", from, treasury.text("id"), 100_000);
        String draftId = drafted.text("draftId");
        long before = events();

        Api.Response refused = as("soumu-approver").post("/api/approvals/" + draftId + "/approve", "");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("department");
        assertThat(refused.body().at("/errors/0/reason").asText()).contains("soumu-approver", "出納局");
        assertThat(events()).as("neither DraftApproved nor any of the transfer's events").isEqualTo(before);
        assertThat(as("tanaka").get("/api/approvals/" + draftId + "?minPosition=" + drafted.number("position")).body().get("state").asText())
                .isEqualTo("pending");

        Api.Response approved = as("approver").post("/api/approvals/" + draftId + "/approve", "");
        assertThat(approved.status()).as("an approver of every department: " + approved.raw()).isEqualTo(200);
    }

    @Test
    void aUseOfTheReserveFundWaitsForApprovalAndThenMovesTheMoneyAsTheOfficersChange() throws Exception {
        String line = """
                {"fiscalYear": 2191, "department": "財政課", "name": "%s", "amountYen": %d, "reason": "当初予算", "accountCode": "1",
                 "accountName": "一般会計", "side": "expenditure", "subject": {"kan": {"code": "%s", "name": "%s"},
                 "kou": {"code": "1", "name": "%s"}, "moku": {"code": "1", "name": "%s"}}}""";
        String reserve = as("tanaka").post("/api/initiatives", line.formatted("予備費", 1_000_000, "14", "予備費", "予備費", "予備費")).text("id");
        String target = as("tanaka").post("/api/initiatives", line.formatted("災害対策", 0, "2", "総務費", "総務管理費", "一般管理費")).text("id");
        String use = "{\"fromId\": \"%s\", \"toId\": \"%s\", \"amountYen\": 400000, \"reason\": \"台風被害\"}".formatted(reserve, target);

        Api.Response drafted = as("tanaka").post("/api/reserve-fund-uses", use);
        assertThat(drafted.status()).as(drafted.raw()).isEqualTo(202);
        assertThat(drafted.text("kind")).isEqualTo("reserve-fund-use");
        assertThat(amountOf(reserve, drafted.number("position"))).isEqualTo(1_000_000);
        assertThat(eventsOfType("jp.budgetledger.core.api.ReserveFundUsed")).isZero();

        Api.Response approved = as("approver").post("/api/approvals/" + drafted.text("draftId") + "/approve", "");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("changeId")).as("the use the draft became").startsWith("rf-");
        long approvedAt = approved.number("position");
        assertThat(amountOf(reserve, approvedAt)).isEqualTo(600_000);
        assertThat(amountOf(target, approvedAt)).isEqualTo(400_000);
        JsonNode meta = metadataOf(target, 1);
        assertThat(meta.get("actor").asText()).isEqualTo("tanaka");
        assertThat(meta.get("approvedBy").asText()).isEqualTo("approver");
        JsonNode decided = as("tanaka").get("/api/approvals/" + drafted.text("draftId") + "?minPosition=" + approvedAt).body();
        assertThat(decided.get("changeIds").get(0).asText()).isEqualTo(approved.text("changeId"));
    }

    @Test
    void anUnknownDraftIsNotFound() {
        assertThat(as("approver").post("/api/approvals/dr-none/approve", "").status()).isEqualTo(404);
        assertThat(as("approver").post("/api/approvals/dr-none/reject", "{\"reason\": \"なし\"}").status()).isEqualTo(404);
        assertThat(as("approver").get("/api/approvals/dr-none").status()).isEqualTo(404);
        Api.Response badState = as("approver").get("/api/approvals?state=maybe");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body().at("/errors/0/field").asText()).isEqualTo("state");
    }

    private static void assertRefusedAsClosed(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asText()).isEqualTo("fiscal-year-closed");
        assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("fiscalYear");
    }

    private Api.Response closeByForce(int year) {
        Api.Response closed = as("approver").post("/api/fiscal-years/" + year + "/close", "{\"reason\": \"確定\", \"force\": true}");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(201);
        return closed;
    }

    private static String bill(int year, String procedure, String line) {
        String dates = "senketsu".equals(procedure) ? "\"decidedOn\": \"%d-09-01\"".formatted(year)
                : "\"submittedOn\": \"%d-09-01\"".formatted(year);
        return """
                {"fiscalYear": %d, "name": "9月補正", "procedure": "%s", %s, "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 1000}]}""".formatted(year, procedure, dates, line);
    }

    @Test
    void aChangeThatWaitsForApprovalIsRefusedAsDraftedForAClosedYearAndRecordsNothingWhileItsReopeningIsDrafted() {
        String from = add(2210, "流用元", 1_000_000);
        String to = add(2210, "流用先", 500_000);
        closeByForce(2210);
        long before = events();
        long drafts = eventsOfType("jp.budgetledger.core.api.ChangeDrafted");

        assertRefusedAsClosed(as("tanaka").post("/api/transfers", transfer(from, to, 1_000)));
        assertRefusedAsClosed(as("tanaka").post("/api/supplementary-budgets", bill(2210, "assembly", from)));
        assertRefusedAsClosed(as("tanaka").post("/api/supplementary-budgets", bill(2210, "senketsu", from)));
        assertThat(events()).as("not even a draft").isEqualTo(before);

        Api.Response reopening = as("approver").post("/api/fiscal-years/2210/reopen", "{\"reason\": \"決算の誤りの訂正\"}");
        assertThat(reopening.status()).as("a closed year's reopening is still drafted: " + reopening.raw()).isEqualTo(202);
        assertThat(eventsOfType("jp.budgetledger.core.api.ChangeDrafted")).isEqualTo(drafts + 1);
    }

    @Test
    void aDraftOfAYearOpenWhenDraftedIsRefusedAtApprovalOnceTheYearIsClosedAndStaysPending() {
        String from = add(2211, "流用元", 1_000_000);
        String to = add(2211, "流用先", 500_000);
        Api.Response drafted = draft("tanaka", from, to, 100_000);
        String draftId = drafted.text("draftId");
        long closedAt = closeByForce(2211).number("position");
        long before = events();

        assertRefusedAsClosed(as("kacho").post("/api/approvals/" + draftId + "/approve", ""));
        assertThat(events()).as("neither DraftApproved nor any of the transfer's events").isEqualTo(before);
        assertThat(amountOf(from, closedAt)).isEqualTo(1_000_000);
        assertThat(as("tanaka").get("/api/approvals/" + draftId + "?minPosition=" + closedAt).body().get("state").asText()).isEqualTo("pending");
    }
}
