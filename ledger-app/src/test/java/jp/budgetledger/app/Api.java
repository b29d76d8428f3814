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

    public Api(int port) {
        this.base = "http://localhost:" + port;
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
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of("X-Ledger-Actor", "test-officer"));
    }

    public Response post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return send(builder);
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
