package jp.budgetledger.app.web;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rejected request answers problem+json naming the field and the reason, and changes
 * nothing: the event store and the totals of fiscal year 2040 stay as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends LedgerIT {

    private static final int FY = 2040;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    String lineId;
    long position;
    long eventsBefore;

    @BeforeAll
    void oneLine() {
        api = new Api(port);
        Api.Response added = api.post("/api/initiatives", line(FY, "1", "分類", "総務部", "基準事業", 10_000));
        lineId = added.text("id");
        position = added.number("position");
    }

    private void assertRejected(Api.Response response, int status, String field, String reasonPart) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().at("/errors/0/field").isNull() ? null : response.body().at("/errors/0/field").asText())
                .isEqualTo(field);
        assertThat(response.body().at("/errors/0/reason").asText()).contains(reasonPart);
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at jp.").doesNotContain("SELECT");
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        assertThat(eventCount()).as("events stored").isEqualTo(eventsBefore);
        Api.Response total = api.get("/api/totals?fiscalYear=" + FY + "&minPosition=" + position);
        assertThat(total.number("totalYen")).isEqualTo(10_000);
        assertThat(total.number("initiativeCount")).isEqualTo(1);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    @BeforeEach
    void countEvents() {
        eventsBefore = eventCount();
    }

    @Test
    void malformedJsonIsRejected() {
        assertRejected(api.post("/api/initiatives", "{\"fiscalYear\": 2040, "), 400, null, "malformed JSON");
    }

    @Test
    void aWrongTypeIsRejectedNamingTheField() {
        assertRejected(api.post("/api/initiatives", line(FY, "1", "分類", "総務部", "型違い", 1).replace("\"fiscalYear\": 2040", "\"fiscalYear\": \"abc\"")),
                400, "fiscalYear", "must be an integer");
        assertRejected(api.post("/api/initiatives", line(FY, "1", "分類", "総務部", "型違い", 1).replace("\"fiscalYear\": 2040", "\"fiscalYear\": {}")),
                400, "fiscalYear", "must be an integer");
        assertRejected(api.post("/api/initiatives", line(FY, "1", "分類", "総務部", "型違い", 1).replace("\"amountYen\": 1", "\"amountYen\": 1.5")),
                400, "amountYen", "whole number");
    }

    @Test
    void aTwentyDigitAmountIsRejected() {
        assertRejected(api.post("/api/initiatives", line(FY, "1", "分類", "総務部", "巨額", 1).replace("\"amountYen\": 1", "\"amountYen\": 12345678901234567890")),
                400, "amountYen", "out of range");
        assertRejected(api.post("/api/initiatives", line(FY, "1", "分類", "総務部", "巨額", 1).replace("\"amountYen\": 1", "\"amountYen\": \"１２３４５６７８９０１２３４５６７８９０\"")),
                400, "amountYen", "out of range");
    }

    @Test
    void aNegativeAmountIsRejected() {
        assertRejected(api.post("/api/initiatives", line(FY, "1", "分類", "総務部", "負", 1).replace("\"amountYen\": 1", "\"amountYen\": -1")),
                400, "amountYen", "greater than or equal to 0");
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments", "{\"deltaYen\": -10001, \"reason\": \"減額\"}"),
                422, "deltaYen", "cannot be negative");
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments", "{\"newAmountYen\": -1, \"reason\": \"減額\"}"),
                400, "newAmountYen", "greater than or equal to 0");
    }

    @Test
    void aMissingReasonIsRejected() {
        assertRejected(api.post("/api/initiatives", line(FY, "1", "分類", "総務部", "理由なし", 1).replace("\"reason\": \"当初予算\"", "\"reason\": \"　\"")),
                400, "reason", "must not be blank");
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments", "{\"newAmountYen\": 5}"),
                400, "reason", "must not be blank");
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertRejected(api.post("/api/initiatives/no-such-line/amendments", "{\"newAmountYen\": 5, \"reason\": \"r\"}"),
                404, "id", "no-such-line");
        assertRejected(api.get("/api/initiatives/no-such-line"), 404, "id", "no-such-line");
    }

    @Test
    void amendingToTheSameAmountIsRejected() {
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments", "{\"newAmountYen\": 10000, \"reason\": \"r\"}"),
                422, "newAmountYen", "already 10000");
    }

    @Test
    void anAmendmentNeedsExactlyOneOfNewAmountAndDelta() {
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments", "{\"newAmountYen\": 5, \"deltaYen\": 5, \"reason\": \"r\"}"),
                400, "deltaYen", "exactly one");
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments", "{\"reason\": \"r\"}"),
                400, "newAmountYen", "exactly one");
    }

    @Test
    void anEffectiveDateOutsideTheFiscalYearIsRejected() {
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments",
                        "{\"newAmountYen\": 5, \"reason\": \"r\", \"effectiveDate\": \"2041-04-01\"}"),
                422, "effectiveDate", "outside fiscal year 2040");
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments",
                        "{\"newAmountYen\": 5, \"reason\": \"r\", \"effectiveDate\": \"2040-13-01\"}"),
                400, "effectiveDate", "date");
    }

    @Test
    void aWriteWithoutCredentialsIsUnauthorized() {
        assertRejected(api.as(null).post("/api/initiatives", line(FY, "1", "分類", "総務部", "匿名", 1), Map.of()),
                401, "Authorization", "log in");
    }

    @Test
    void anUnknownFieldIsRejectedRatherThanSilentlyIgnored() {
        assertRejected(api.post("/api/initiatives/" + lineId + "/amendments", "{\"newAmountYen\": 5, \"reason\": \"r\", \"efectiveDate\": \"2040-05-01\"}"),
                400, "efectiveDate", "not a known field");
    }

    @Test
    void anInvalidFiscalYearOrMissingParameterOnReadsIsRejected() {
        Api.Response missing = api.get("/api/totals/departments");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/errors/0/field").asText()).isEqualTo("fiscalYear");
        Api.Response wrong = api.get("/api/totals?fiscalYear=abc");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().at("/errors/0/field").asText()).isEqualTo("fiscalYear");
        Api.Response outOfRange = api.get("/api/totals?fiscalYear=20400");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body().at("/errors/0/field").asText()).isEqualTo("fiscalYear");
    }
}
