package jp.budgetledger.app.web;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring MVC rejects before any controller runs (an unknown public path, a media type the
 * endpoint does not take) answers problem+json of the same shape as the ledger's own errors. (A
 * method an endpoint does not take never gets that far: the security rules deny it, 403.)
 */
class ContainerErrorsIT extends LedgerIT {

    @LocalServerPort
    int port;

    private static void assertProblem(Api.Response response, int status, String path) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().get("instance").asText()).isEqualTo(path);
        assertThat(response.body().at("/errors/0/field").isNull()).as(response.raw()).isTrue();
        assertThat(response.body().at("/errors/0/reason").asText()).isNotBlank();
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aRequestTheFirewallRejectsIsAProblem() {
        Api api = new Api(port);
        assertProblem(api.get("/api/totals;jsessionid=1?fiscalYear=2020"), 400, "/api/totals;jsessionid=1");
    }

    @Test
    void aPathTomcatCannotDecodeIsAProblemWithoutHtml() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            JsonNode problem = new ObjectMapper().readTree(body);
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
            assertThat(problem.at("/errors/0/reason").asText()).isNotBlank();
            assertThat(body).doesNotContain("<html").doesNotContain("Exception");
        }
    }

    @Test
    void anUnknownPathAndAWrongMediaTypeAreProblems() {
        Api api = new Api(port);
        assertProblem(api.get("/css/no-such.css"), 404, "/css/no-such.css");
        assertProblem(api.post("/api/imports?fiscalYear=2040", "{}"), 415, "/api/imports");
    }

    private static void assertTooLarge(Api.Response response, String path) {
        assertThat(response.status()).as(response.raw()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(413);
        assertThat(response.body().get("instance").asText()).isEqualTo(path);
        assertThat(response.body().at("/errors/0/field").asText()).as(response.raw()).isEqualTo("body");
        assertThat(response.body().at("/errors/0/reason").asText()).startsWith("must be at most ");
        assertThat(response.body().get("limitBytes").asLong()).isPositive();
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aMultipartBodyTheContainerRefusesIsA413Problem() {
        String boundary = "ledger-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"budget.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 10 * 1024 * 1024 + 64 * 1024 + tail.length];
        java.util.Arrays.fill(body, (byte) 'a');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        Api.Response response = new Api(port).post("/api/imports/budget-csv?fiscalYear=2110", "multipart/form-data; boundary=" + boundary,
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)), false);
        assertTooLarge(response, "/api/imports/budget-csv");
    }

    @Test
    void aFormPostTheContainerWouldDropIsA413Problem() {
        byte[] form = ("username=viewer&password=" + "x".repeat(1024 * 1024 + 1)).getBytes(StandardCharsets.US_ASCII);
        Api.Response response = new Api(port).as(null).post("/login", "application/x-www-form-urlencoded",
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form)), false);
        assertTooLarge(response, "/login");
    }
}
