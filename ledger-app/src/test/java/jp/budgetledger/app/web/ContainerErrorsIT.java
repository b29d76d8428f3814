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
}
