package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.core.api.SubjectLevel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads of totals and reports for the tests of their figures: each once the read models have reached {@code head}. */
final class ReportReads {

    private final int port;
    private final long head;
    private final Api api;

    ReportReads(int port, long head) {
        this.port = port;
        this.head = head;
        this.api = new Api(port);
    }

    /** A level of a classification written {@code code:name}. */
    static SubjectLevel level(String text) {
        int colon = text.indexOf(':');
        return SubjectLevel.of(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The query parameters of a moment. */
    static String at(Instant asOf, String effectiveOn) {
        return "&asOf=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8) + "&effectiveOn=" + effectiveOn;
    }

    /** The JSON a read answers with 200. */
    JsonNode get(String path) {
        Api.Response response = api.get(after(path));
        assertThat(response.status()).as(path + ": " + response.raw()).isEqualTo(200);
        return response.body();
    }

    /** A file a read answers with 200, as the viewer. */
    byte[] download(String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + after(query)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("viewer:" + TestUsers.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return response.body();
    }

    /** The records of a CSV file for Excel (with a byte-order mark). */
    List<List<String>> csv(String query) throws IOException, InterruptedException {
        byte[] body = download(query);
        assertThat(Arrays.copyOf(body, 3)).as("a byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        for (CSVRecord record : CSVFormat.EXCEL.parse(new StringReader(text))) {
            records.add(record.toList());
        }
        return records;
    }

    private String after(String path) {
        return path + (path.contains("?") ? "&" : "?") + "minPosition=" + head;
    }
}
