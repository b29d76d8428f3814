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

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.TestUsers;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
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
    void aTransferOrAReserveFundUseFromALineToItselfIsRejectedNamingTheDestination() {
        String toItself = "{\"fromId\": \"%s\", \"toId\": \"%s\", \"amountYen\": 1000, \"effectiveDate\": \"2040-05-01\", \"reason\": \"流用\"}"
                .formatted(lineId, lineId);
        assertRejected(api.post("/api/transfers", toItself), 400, "toId", "two different lines");
        assertRejected(api.post("/api/reserve-fund-uses", toItself.replace("流用", "充用")), 400, "toId", "two different lines");
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

    private static final int MAX_BODY = 1024 * 1024;
    private static final int MAX_IMPORT = 10 * 1024 * 1024;

    /** A line's JSON (its amount negative, so that it is never recorded) padded with whitespace to {@code size} bytes. */
    private static byte[] paddedLine(int size) {
        byte[] json = line(FY, "1", "分類", "総務部", "巨大", -1).getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[size];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(json, 0, padded, 0, json.length);
        return padded;
    }

    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private void assertTooLarge(Api.Response response, long limit, Long sent) {
        assertRejected(response, 413, "body", "must be at most " + limit + " bytes");
        assertThat(response.text("type")).endsWith("/payload-too-large");
        assertThat(response.number("limitBytes")).isEqualTo(limit);
        if (sent == null) {
            assertThat(response.body().has("sentBytes")).as(response.raw()).isFalse();
        } else {
            assertThat(response.number("sentBytes")).isEqualTo(sent);
            assertThat(response.text("detail")).contains("the request has " + sent);
        }
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedFromItsLengthBeforeItIsRead() {
        assertRejected(api.post("/api/initiatives", "application/json", HttpRequest.BodyPublishers.ofByteArray(paddedLine(MAX_BODY)), false),
                400, "amountYen", "greater than or equal to 0");
        assertTooLarge(api.post("/api/initiatives", "application/json", HttpRequest.BodyPublishers.ofByteArray(paddedLine(MAX_BODY + 1)), false),
                MAX_BODY, (long) MAX_BODY + 1);
        assertTooLarge(api.as(null).post("/api/initiatives", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(paddedLine(MAX_BODY + 1)), false), MAX_BODY, (long) MAX_BODY + 1);
    }

    @Test
    void aChunkedJsonBodyIsCountedAndStoppedPastTheLimit() {
        String summary = "x".repeat(MAX_BODY);
        assertTooLarge(api.post("/api/initiatives", "application/json", chunked(line(FY, "1", "分類", "総務部", "巨大", 1)
                .replace("\"概要\"", "\"" + summary + "\"").getBytes(StandardCharsets.UTF_8)), false), MAX_BODY, null);
        assertTooLarge(api.post("/api/initiatives/" + lineId + "/amendments", "application/json",
                chunked(("{\"newAmountYen\": 5, \"reason\": \"" + summary + "\"}").getBytes(StandardCharsets.UTF_8)), false),
                MAX_BODY, null);
    }

    /** A POST that declares {@code length} bytes and sends none of them: what the ledger answers from the headers alone. */
    private Api.Response declaring(String path, String contentType, long length) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String credentials = Base64.getEncoder().encodeToString((TestUsers.DEFAULT + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String status = readLine(in);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                int colon = header.indexOf(':');
                headers.computeIfAbsent(header.substring(0, colon), k -> new ArrayList<>()).add(header.substring(colon + 1).strip());
            }
            assertThat(headers).as(status).containsKey("Content-Length");
            byte[] body = new byte[Integer.parseInt(headers.get("Content-Length").get(0))];
            in.readFully(body);
            String raw = new String(body, StandardCharsets.UTF_8);
            return new Api.Response(Integer.parseInt(status.split(" ")[1]), headers.get("Content-Type").get(0), new ObjectMapper().readTree(raw),
                    raw, java.net.http.HttpHeaders.of(headers, (name, value) -> true));
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void anImportOverItsLimitIsRefusedFromItsHeadersOrAsItIsRead() throws IOException {
        Api.Response refused = declaring("/api/imports?fiscalYear=" + FY, "text/plain", MAX_IMPORT + 1L);
        assertTooLarge(refused, MAX_IMPORT, (long) MAX_IMPORT + 1);
        assertThat(refused.headers().firstValue("Connection")).as("the unread body ends the connection").contains("close");
        assertTooLarge(declaring("/api/imports/budget-csv?fiscalYear=" + FY, "text/csv", 5L * 1024 * 1024 * 1024), MAX_IMPORT,
                5L * 1024 * 1024 * 1024);
        byte[] document = new byte[MAX_IMPORT + 1];
        Arrays.fill(document, (byte) ' ');
        assertTooLarge(new Api(port).post("/api/imports/budget-csv?fiscalYear=" + FY, "text/csv", chunked(document), false), MAX_IMPORT, null);
    }

    @Test
    void aBillWithMoreItemsThanTheLimitIsRejectedNamingItems() {
        String item = "{\"initiativeId\": \"" + lineId + "\", \"deltaYen\": 1}";
        String items = "[" + String.join(",", Collections.nCopies(501, item)) + "]";
        assertRejected(api.post("/api/supplementary-budgets", """
                {"fiscalYear": %d, "name": "巨大補正", "resolvedOn": "%d-09-01", "items": %s}""".formatted(FY, FY, items)),
                400, "items", "at most 500 entries; the request has 501");
    }

    @Test
    void aClauseWithMoreLevelsThanTheLimitIsRejectedNamingTheList() {
        String kou = "{\"code\": \"1\", \"name\": \"項\"}";
        String kous = "[" + String.join(",", Collections.nCopies(201, kou)) + "]";
        assertRejected(api.post("/api/general-provisions/" + FY + "/transfer-clauses", """
                {"accountName": "一般会計", "article": "第5条", "text": "流用", "kan": {"code": "1", "name": "款"}, "kous": %s, "reason": "r"}"""
                .formatted(kous)), 400, "kous", "at most 200 entries; the request has 201");
    }
}
