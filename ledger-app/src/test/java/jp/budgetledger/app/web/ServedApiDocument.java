package jp.budgetledger.app.web;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.TestUsers;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document a running ledger serves at {@code /v3/api-docs} (read as the viewer, and
 * kept in {@code target/openapi.json}), with a swagger-request-validator for it and the documented
 * operations, for the tests that hold the API to its document.
 */
final class ServedApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final JsonNode tree;
    private final OpenApiInteractionValidator validator;
    private final Map<String, Pattern> templates = new LinkedHashMap<>();

    private ServedApiDocument(String text) throws IOException {
        this.text = text;
        this.tree = JSON.readTree(text);
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build())
                .build();
        tree.get("paths").fieldNames().forEachRemaining(template ->
                templates.put(template, Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+"))));
    }

    /** The document the ledger at {@code base} serves now. */
    static ServedApiDocument load(HttpClient client, String base) throws IOException, InterruptedException {
        HttpResponse<String> served = client.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                .header("Authorization", basic("viewer", TestUsers.PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        Files.writeString(Path.of("target", "openapi.json"), served.body());
        return new ServedApiDocument(served.body());
    }

    String text() {
        return text;
    }

    /** The document as JSON. */
    JsonNode tree() {
        return tree;
    }

    OpenApiInteractionValidator validator() {
        return validator;
    }

    /** "METHOD /path/{template}" of every operation in the document. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        tree.get("paths").fields().forEachRemaining(path ->
                path.getValue().fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    /** The documented operation a live request matched: a literal path before a template. */
    String operation(String method, String rawPath) {
        return templates.entrySet().stream().filter(t -> t.getValue().matcher(rawPath).matches())
                .min(Comparator.comparing((Map.Entry<String, Pattern> t) -> t.getKey().contains("{")))
                .map(t -> method + " " + t.getKey()).orElse(method + " " + rawPath + " (undocumented)");
    }

    /** The validator's model of a request to {@code uri}: its method, raw path, query, headers and body. */
    static SimpleRequest.Builder request(String method, URI uri, Map<String, String> headers, byte[] body) {
        SimpleRequest.Builder model = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getRawPath());
        headers.forEach(model::withHeader);
        if (body != null && headers.containsKey("Content-Type")) {
            model.withBody(body);
        }
        query(uri).forEach(model::withQueryParam);
        return model;
    }

    /** The error keys of a validation report. */
    static Set<String> keys(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
