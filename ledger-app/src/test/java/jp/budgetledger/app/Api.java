package jp.budgetledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for end-to-end tests: real requests, raw bodies, no Spring test magic. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String user;
    private final String password;

    /** Requests as the tests' default user; a write naming an actor in {@code X-Ledger-Actor} logs in as that user. */
    public Api(int port) {
        this(port, TestUsers.DEFAULT, TestUsers.PASSWORD);
    }

    public Api(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.user = user;
        this.password = password;
    }

    /** The same server as {@code user} (null: without credentials). */
    public Api as(String user) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), user, TestUsers.PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder authenticated(HttpRequest.Builder builder, String asUser) {
        return asUser == null ? builder : builder.header("Authorization", basic(asUser, password));
    }

    public record Response(int status, String contentType, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
        public String text(String field) {
            return body.path(field).asText();
        }

        public long number(String field) {
            return body.path(field).asLong();
        }
    }

    public Response get(String path) {
        return send(authenticated(HttpRequest.newBuilder(URI.create(base + path)).GET(), user));
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Response put(String path, String json) {
        return send(authenticated(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), user));
    }

    public Response post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        String actor = headers.containsKey("X-Ledger-Actor")
                ? java.net.URLDecoder.decode(headers.get("X-Ledger-Actor"), StandardCharsets.UTF_8) : user;
        return send(authenticated(builder, actor));
    }

    /**
     * POSTs {@code body} as {@code contentType}; a publisher of unknown length goes chunked. With
     * {@code expectContinue} the body is sent only once the server asks for it (a server that
     * answers from the headers alone never gets it).
     */
    public Response post(String path, String contentType, HttpRequest.BodyPublisher body, boolean expectContinue) {
        return send(authenticated(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .expectContinue(expectContinue).POST(body), user));
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = null;
            String raw = response.body();
            if (raw != null && !raw.isEmpty() && (raw.startsWith("{") || raw.startsWith("["))) {
                body = JSON.readTree(raw);
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, raw, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON for an add-initiative request. */
    public static String line(int fiscalYear, String categoryCode, String categoryName, String department, String name,
                              long amountYen) {
        return """
                {"fiscalYear": %d, "categoryCode": "%s", "categoryName": "%s", "department": "%s", "name": "%s",
                 "amountYen": %d, "summary": "概要", "reason": "当初予算", "reference": "議案第1号"}"""
                .formatted(fiscalYear, categoryCode, categoryName, department, name, amountYen);
    }
}
