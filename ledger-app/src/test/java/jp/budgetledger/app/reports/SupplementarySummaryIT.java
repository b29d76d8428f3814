package jp.budgetledger.app.reports;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 補正予算の概要 (第1表 歳入歳出予算補正) of a bill through HTTP on the embedded PostgreSQL, from its submission to its
 * 修正可決: only the 款 and 項 it changes, with 補正前の額, 補正額 and 計, and each side's 合計. Fiscal year 2274.
 */
class SupplementarySummaryIT extends LedgerIT {

    private static final int FY = 2274;

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String line(String side, String kan, String kanName, String kou, String kouName, long yen) {
        Api.Response added = api.post("/api/initiatives", """
                {"fiscalYear": %d, "department": "財政課", "name": "%s", "amountYen": %d, "reason": "当初予算", "partOfSet": true,
                 "accountCode": "1", "accountName": "一般会計", "side": "%s",
                 "subject": {"kan": {"code": "%s", "name": "%s"}, "kou": {"code": "%s", "name": "%s"},
                             "moku": {"code": "1", "name": "%s"}}}"""
                .formatted(FY, kouName, yen, side, kan, kanName, kou, kouName, kouName));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    /** Each record as 区分 歳入歳出 款 項: 補正前の額(円) / 補正額(円) / 計(円). */
    private static List<String> records(JsonNode summary) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : summary.get("records")) {
            rows.add(r.get("区分").asText() + " " + r.get("歳入歳出").asText() + " " + r.path("款").asText("") + " " + r.path("項").asText("")
                    + ": " + r.get("補正前の額(円)").asLong() + " / " + r.get("補正額(円)").asLong() + " / " + r.get("計(円)").asLong());
        }
        return rows;
    }

    private JsonNode summary(String id, long position) {
        Api.Response summary = api.get("/api/supplementary-budgets/" + id + "/summary?minPosition=" + position);
        assertThat(summary.status()).as(summary.raw()).isEqualTo(200);
        return summary.body();
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("viewer:" + TestUsers.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void aBillsSummaryShowsTheKanAndKouItChangesBeforeAndAfterFromSubmissionToItsAmendedPassing() throws Exception {
        String residents = line("revenue", "1", "市税", "1", "市民税", 10_000_000);
        line("revenue", "1", "市税", "2", "固定資産税", 5_000_000);
        line("expenditure", "2", "総務費", "1", "総務管理費", 12_000_000);
        String welfare = line("expenditure", "3", "民生費", "1", "社会福祉費", 3_000_000);

        Api.Response submitted = api.post("/api/supplementary-budgets", """
                {"fiscalYear": %d, "name": "9月補正", "procedure": "assembly", "submittedOn": "%d-09-01", "billNumber": "議案第60号",
                 "reason": "補正", "items": [
                  {"initiativeId": "%s", "deltaYen": 1000000},
                  {"fiscalYear": %d, "department": "財政課", "name": "繰越金", "amountYen": 600000, "accountCode": "1",
                   "accountName": "一般会計", "side": "revenue", "subject": {"kan": {"code": "19", "name": "繰越金"},
                   "kou": {"code": "1", "name": "繰越金"}, "moku": {"code": "1", "name": "繰越金"}}},
                  {"initiativeId": "%s", "deltaYen": 400000}]}""".formatted(FY, FY, welfare, FY, residents));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String id = submitted.text("id");

        JsonNode proposed = summary(id, submitted.number("position"));
        assertThat(proposed.get("title").asText()).isEqualTo(submitted.text("title") + " 第1表 歳入歳出予算補正");
        assertThat(proposed.get("headers").toString()).isEqualTo("[\"款\",\"項\",\"補正前の額\",\"補正額\",\"計\"]");
        assertThat(records(proposed)).containsExactly(
                "kan 歳入 1 市税 : 15000000 / 400000 / 15400000",
                "kou 歳入  1 市民税: 10000000 / 400000 / 10400000",
                "kan 歳入 19 繰越金 : 0 / 600000 / 600000",
                "kou 歳入  1 繰越金: 0 / 600000 / 600000",
                "total 歳入 歳入合計 : 15000000 / 1000000 / 16000000",
                "kan 歳出 3 民生費 : 3000000 / 1000000 / 4000000",
                "kou 歳出  1 社会福祉費: 3000000 / 1000000 / 4000000",
                "total 歳出 歳出合計 : 15000000 / 1000000 / 16000000");
        assertThat(proposed.get("records").get(0).get("補正額").asLong()).as("in 千円").isEqualTo(400);

        Api.Response csv = api.get("/api/supplementary-budgets/" + id + "/summary?format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).contains("議案番号: 議案第60号", "状態: 提出中", "19 繰越金", "\"15,000\",400,\"15,400\"");

        Api.Response amended = api.post("/api/supplementary-budgets/" + id + "/resolutions", """
                {"outcome": "amended", "resolvedOn": "%d-09-25", "reason": "修正", "items": [
                  {"initiativeId": "%s", "deltaYen": 700000},
                  {"initiativeId": "%s", "deltaYen": 700000}]}""".formatted(FY, welfare, residents));
        assertThat(amended.status()).as(amended.raw()).isEqualTo(201);
        JsonNode passed = summary(id, amended.number("position"));
        assertThat(records(passed)).containsExactly(
                "kan 歳入 1 市税 : 15000000 / 700000 / 15700000",
                "kou 歳入  1 市民税: 10000000 / 700000 / 10700000",
                "total 歳入 歳入合計 : 15000000 / 700000 / 15700000",
                "kan 歳出 3 民生費 : 3000000 / 700000 / 3700000",
                "kou 歳出  1 社会福祉費: 3000000 / 700000 / 3700000",
                "total 歳出 歳出合計 : 15000000 / 700000 / 15700000");
        JsonNode table1 = api.get("/api/reports/table1?fiscalYear=" + FY + "&format=json&minPosition=" + amended.number("position")).body();
        assertThat(table1.toString()).contains("15700").doesNotContain("繰越金");

        try (PDDocument pdf = Loader.loadPDF(download("/api/supplementary-budgets/" + id + "/summary?format=pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(submitted.text("title") + " 第1表 歳入歳出予算補正", "議案番号: 議案第60号", "状態: 修正可決",
                    "1 市税", "1 市民税", "15,000", "15,700", "3 民生費", "歳出合計");
        }
    }

    @Test
    void anUnknownBillHasNoSummaryAndAnUnknownFormatIsRefused() {
        Api.Response unknown = api.get("/api/supplementary-budgets/sb-none/summary");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Api.Response format = api.get("/api/supplementary-budgets/sb-none/summary?format=docx");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.contentType()).startsWith("application/problem+json");
        assertThat(format.raw()).contains("format");
    }
}
