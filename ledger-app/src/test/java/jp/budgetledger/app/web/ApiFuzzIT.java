package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.app.problem.Problems;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzed API: at least 5,000 requests generated from the OpenAPI document the ledger serves,
 * every documented operation with its path and query parameters, headers and bodies mutated
 * (wrong types, missing and extra fields, huge strings, NUL, lone surrogates, right-to-left marks,
 * impossible dates, overflowing numbers, malformed JSON, wrong content types and charsets, unknown
 * ids, odd path segments, every role and nobody), from a seed printed and taken from
 * {@code -Dfuzz.seed}. No request gets a 5xx (but the documented 503 of a {@code minPosition}
 * the read models have not reached), every 4xx is problem+json with status, type and title, and
 * a rejected request leaves the store's head (position, count) as it was; in batches the served
 * digest of the events before the batch must not change either, bisected to the request that
 * changed it.
 */
@Tag("faults")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.read-max-wait=20ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA_DIR = LedgerIT.newDataDirectory("ledger-fuzz-it-");
    private static final long SEED = Long.getLong("fuzz.seed", 24_06L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 5_000);
    private static final int BATCH = 250;
    private static final int FIRST_YEAR = 2251;
    private static final String FILLER = "\u0001FUZZ\u0001";
    private static final String HUGE = "予".repeat(100_000);
    private static final List<String> ROLES = List.of("viewer", "only-officer", "auditor", "admin", "approver", "soumu-officer",
            TestUsers.DEFAULT, "approving-officer");

    @DynamicPropertySource
    static void ledgerProperties(DynamicPropertyRegistry registry) {
        LedgerIT.register(registry, DATA_DIR);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);
    private ServedApiDocument document;
    private final List<String> lineIds = new ArrayList<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private Api api;
    private long validating;
    private final Map<String, Long> timeByOperation = new TreeMap<>();

    /** One documented operation: its method, path template and its object in the document. */
    private record Operation(String method, String template, JsonNode spec) {
        String name() {
            return method + " " + template;
        }
    }

    /** A request to send: raw target (path and query), headers (null user: anonymous) and body. */
    private record Fuzzed(String kind, Operation operation, String method, String target, Map<String, String> headers,
                          byte[] body, boolean raw) {
        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return "[" + kind + "] " + method + " " + cut(target) + " " + cut(headers.toString()) + (text.isEmpty() ? "" : " body " + cut(text));
        }
    }

    private record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    /** The store's head as the database holds it: the newest position and the number of events. */
    private record Head(long position, long count) {
    }

    @BeforeAll
    void threeLines() throws Exception {
        document = ServedApiDocument.load(client, "http://localhost:" + port);
        api = new Api(port);
        for (int i = 0; i < 3; i++) {
            Api.Response added = api.post("/api/initiatives", Api.line(FIRST_YEAR, "1", "分類", "総務部", "ファズ基準" + i, 10_000));
            assertThat(added.status()).as(added.raw()).isEqualTo(201);
            lineIds.add(added.text("id"));
        }
    }

    @Test
    void fuzzedRequestsGetNoServerErrorOnlyProblemsForRejectionsAndRejectionsChangeNothing() throws Exception {
        System.out.println("ApiFuzzIT seed " + SEED + " (rerun with -Dfuzz.seed=" + SEED + "), " + REQUESTS + " requests");
        long started = System.nanoTime();
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(25);

        Head head = head();
        String digest = digest(null);
        long digestPosition = head.position();
        List<Fuzzed> batch = new ArrayList<>();
        int accepted = 0;
        int outsideDocument = 0;
        for (int n = 0; n < REQUESTS; n++) {
            Operation operation = operations.get(n % operations.size());
            Fuzzed request = fuzz(operation);
            kinds.merge(request.kind(), 1, Integer::sum);
            long sent = System.nanoTime();
            Answer answer = send(request);
            timeByOperation.merge(operation.name(), System.nanoTime() - sent, Long::sum);
            check(request, answer);
            Head after = head();
            if (answer.status() >= 200 && answer.status() < 400) {
                accepted++;
            } else {
                if (!after.equals(head)) {
                    fail(request, "the store's head moved from " + head + " to " + after + " though the request was rejected with "
                            + answer.status());
                }
                batch.add(request);
            }
            head = after;
            if (n % 5 == 0 && isOutsideDocument(request)) {
                outsideDocument++;
            }
            if ((n + 1) % BATCH == 0 || n + 1 == REQUESTS) {
                String before = digest(digestPosition);
                if (!before.equals(digest)) {
                    fail(bisect(batch, digestPosition, before), "the served digest of the events up to " + digestPosition + " changed");
                }
                digestPosition = head().position();
                digest = digest(null);
                batch.clear();
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("ApiFuzzIT seed %d: %d requests (%d accepted, %d of every 5th outside the document, validator %d ms) over %d operations"
                        + " in %d s; kinds %s%n", SEED, REQUESTS, accepted, outsideDocument, validating / 1_000_000, operations.size(),
                seconds, kinds);
        System.out.println("ApiFuzzIT slowest operations (ms): " + timeByOperation.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(e -> e.getKey() + "=" + e.getValue() / 1_000_000).toList());
        assertThat(failures).as("requests the ledger mishandled (seed %d)", SEED).isEmpty();
        assertThat(REQUESTS).isGreaterThanOrEqualTo(5_000);
        assertStoreVerifiedAndReadModelsFollow();
    }

    @Test
    void theRequestsTheFuzzFoundMishandledAreAnsweredAsProblemsAndChangeNothing() {
        String line = lineIds.get(0);
        Head before = head();
        String unknown = UUID.randomUUID().toString();
        assertAnsweredAlike(api.as("approving-officer").post("/api/approvals/" + line + "/approve", "{}"),
                api.as("approving-officer").post("/api/approvals/" + unknown + "/approve", "{}"));
        assertAnsweredAlike(api.post("/api/debt-commitments/" + line + "/abolitions", "{\"supplementaryBudgetId\":\"" + line + "\",\"reason\":\"廃止\"}"),
                api.post("/api/debt-commitments/" + unknown + "/abolitions", "{\"supplementaryBudgetId\":\"" + unknown + "\",\"reason\":\"廃止\"}"));
        assertAnsweredAlike(api.put("/api/initiatives/" + line + "/carryover-limit",
                        "{\"limitYen\":1000,\"supplementaryBudgetId\":\"" + line + "\",\"reason\":\"繰越\"}"),
                api.put("/api/initiatives/" + line + "/carryover-limit",
                        "{\"limitYen\":1000,\"supplementaryBudgetId\":\"" + unknown + "\",\"reason\":\"繰越\"}"));
        assertProblem(api.post("/api/transfers", "*/*", HttpRequest.BodyPublishers.ofString("{}"), false), 415,
                "unsupported-media-type", "a wildcard content type");
        assertProblem(api.post("/api/audit/verify", "multipart/form-data", HttpRequest.BodyPublishers.ofString("{}"), false), 400,
                "invalid-request", "multipart without a boundary");
        assertProblem(api.get("/api/audit/events?actor=a%00b"), 400, "invalid-request", "NUL in a query parameter");
        assertProblem(api.post("/api/initiatives", Api.line(FIRST_YEAR + 2, "1", "分類", "総務部", "ヌル\\u0000文字", 1000)), 400,
                "invalid-request", "NUL in a JSON text");
        assertProblem(api.get("/api/totals/balance?fiscalYear=" + FIRST_YEAR + "&asOf=%2B999999999-12-31&effectiveOn=" + FIRST_YEAR + "-02-22"),
                400, "invalid-request", "the last day a date can name as asOf");
        assertProblem(api.get("/api/continuing-expenses/" + unknown + "?asOf=%2B999999999-12-31"), 400, "invalid-request", "a far asOf");
        assertProblem(api.get("/api/totals?fiscalYear=" + FIRST_YEAR + "&asOf=%2B10000-01-01T00:00:00Z"), 400, "invalid-request",
                "an instant past the year 9999");
        assertProblem(api.get("/api/totals?fiscalYear=" + FIRST_YEAR + "&effectiveOn=-999999999-01-01"), 400, "invalid-request",
                "the first day a date can name as effectiveOn");
        Api.Response blankAsOf = api.get("/api/initiatives?fiscalYear=" + FIRST_YEAR + "&categoryCode=1&asOf=");
        assertThat(blankAsOf.status()).as("a blank asOf is none: " + blankAsOf.raw()).isEqualTo(200);
        assertThat(head()).isEqualTo(before);
    }

    /** An id of another kind of record is answered as an unknown id is: the same 4xx problem. */
    private static void assertAnsweredAlike(Api.Response otherKind, Api.Response unknown) {
        assertThat(unknown.status()).as(unknown.raw()).isBetween(400, 499);
        assertProblem(otherKind, unknown.status(), unknown.body().path("type").asText().substring(Problems.TYPE_BASE.length()),
                "an id of another kind");
    }

    private static void assertProblem(Api.Response response, int status, String type, String what) {
        assertThat(response.status()).as("%s: %s", what, response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("type").asText()).as(what).isEqualTo(Problems.TYPE_BASE + type);
        assertThat(response.body().path("title").asText()).isNotBlank();
    }

    /** After the fuzz the whole store still verifies, and the read models reach its head. */
    private void assertStoreVerifiedAndReadModelsFollow() {
        Api.Response verified = api.as("auditor").post("/api/audit/verify", "{}");
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(verified.body().path("verified").asBoolean()).as(verified.raw()).isTrue();
        long position = head().position();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/totals?fiscalYear=" + FIRST_YEAR + "&minPosition=" + position).status()).isEqualTo(200));
    }

    // ---- checks ----

    private void check(Fuzzed request, Answer answer) {
        int status = answer.status();
        if (status < 0) {
            return;
        }
        if (status >= 500 && !(status == 503 && request.target().contains("minPosition=") && problemType(answer).endsWith("/projection-behind"))) {
            fail(request, "answered " + status + ": " + cut(new String(answer.body(), StandardCharsets.UTF_8)));
            return;
        }
        if (status >= 400) {
            String contentType = answer.contentType() == null ? "" : answer.contentType();
            if (!contentType.startsWith("application/problem+json")) {
                fail(request, status + " as " + contentType + ": " + cut(new String(answer.body(), StandardCharsets.UTF_8)));
                return;
            }
            JsonNode problem;
            try {
                problem = JSON.readTree(answer.body());
            } catch (IOException e) {
                fail(request, status + " with a body that is not JSON: " + cut(new String(answer.body(), StandardCharsets.UTF_8)));
                return;
            }
            if (problem == null || problem.path("status").asInt() != status || problem.path("type").asText().isEmpty()
                    || problem.path("title").asText().isEmpty()) {
                fail(request, status + " with a problem lacking status/type/title: " + cut(String.valueOf(problem)));
            }
        }
    }

    private static String problemType(Answer answer) {
        try {
            return JSON.readTree(answer.body()).path("type").asText();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private void fail(Fuzzed request, String what) {
        String shape = what.replaceAll("\\d+", "#");
        String key = (request == null ? "?" : request.operation().name() + " [" + request.kind() + "]") + " "
                + shape.substring(0, Math.min(shape.length(), 40));
        failures.putIfAbsent(key, what + "\n    request: " + (request == null ? "not reproduced by re-sending the batch" : request.describe()));
    }

    private boolean isOutsideDocument(Fuzzed request) {
        if (request.raw()) {
            return true;
        }
        try {
            var model = ServedApiDocument.request(request.method(), URI.create("http://localhost" + request.target()), request.headers(),
                    request.body()).build();
            long start = System.nanoTime();
            boolean outside = document.validator().validateRequest(model).hasErrors();
            validating += System.nanoTime() - start;
            return outside;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private Head head() {
        return jdbc.sql("SELECT coalesce(max(globalIndex), 0) AS position, count(*) AS count FROM domainevententry")
                .query((rs, row) -> new Head(rs.getLong("position"), rs.getLong("count"))).single();
    }

    private String digest(Long position) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit/digest"
                        + (position == null ? "" : "?position=" + position)))
                .header("Authorization", ServedApiDocument.basic("auditor", TestUsers.PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("digest").asText();
    }

    /** The rejected request of the batch that, sent again, changes the digest up to {@code position}: halves re-sent in turn. */
    private Fuzzed bisect(List<Fuzzed> candidates, long position, String current) throws IOException, InterruptedException {
        List<Fuzzed> rest = candidates;
        String digest = current;
        while (rest.size() > 1) {
            List<Fuzzed> half = rest.subList(0, rest.size() / 2);
            half.forEach(this::send);
            String now = digest(position);
            if (now.equals(digest)) {
                rest = rest.subList(rest.size() / 2, rest.size());
            } else {
                rest = half;
                digest = now;
            }
        }
        if (rest.size() == 1) {
            send(rest.get(0));
            if (!digest(position).equals(digest)) {
                return rest.get(0);
            }
        }
        return null;
    }

    // ---- sending ----

    private Answer send(Fuzzed request) {
        try {
            if (!request.raw()) {
                try {
                    return sendHttp(request);
                } catch (IllegalArgumentException unsendable) {
                    // a header or target the client refuses: the same bytes on a socket
                }
            }
            return sendRaw(request);
        } catch (IOException e) {
            fail(request, "no answer: " + e);
            return new Answer(-1, "", new byte[0], Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer sendHttp(Fuzzed request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.target()))
                .timeout(Duration.ofSeconds(15))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), Map.of());
    }

    /** The request as bytes on a socket of its own, for what an HTTP client refuses to send (NUL, raw non-ASCII, bad escapes). */
    private Answer sendRaw(Fuzzed request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write((request.method() + " ").getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.target().getBytes(StandardCharsets.UTF_8));
            out.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                out.write((header.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
                out.write(header.getValue().getBytes(StandardCharsets.UTF_8));
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] body = request.body() == null ? new byte[0] : request.body();
            out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
            byte[] all = readAll(socket.getInputStream());
            return parse(all);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] all) throws IOException {
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("not an HTTP response: " + cut(text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers.get("Content-Type"), body, headers);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = new String(chunked, at, chunked.length - at, StandardCharsets.ISO_8859_1).indexOf("\r\n");
            int size = Integer.parseInt(new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, at + lineEnd + 2, size);
            at += lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    // ---- the document ----

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.tree().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()))));
        return operations;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int depth = 0; at != null && at.has("$ref") && depth < 10; depth++) {
            at = document.tree().at(at.get("$ref").asText().substring(1));
        }
        if (at != null && !at.has("type") && !at.has("properties")) {
            for (String choice : List.of("oneOf", "anyOf", "allOf")) {
                if (at.has(choice) && at.get(choice).size() > 0) {
                    return resolve(at.get(choice).get(0));
                }
            }
        }
        return at == null ? JSON.createObjectNode() : at;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText();
    }

    private List<JsonNode> parameters(Operation operation, String in) {
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (in.equals(resolved.path("in").asText())) {
                parameters.add(resolved);
            }
        }
        return parameters;
    }

    // ---- valid values ----

    private String validValue(String name, JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size())).asText();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("fiscalyear")) {
            return String.valueOf(FIRST_YEAR + random.nextInt(5));
        }
        if (lower.equals("id") || lower.endsWith("id") && !lower.equals("paid")) {
            return lineIds.get(random.nextInt(lineIds.size()));
        }
        String format = s.path("format").asText();
        if ("date".equals(format) || lower.endsWith("date") || lower.matches(".*(effective|resolved|decided|reported)on")) {
            return "%d-%02d-%02d".formatted(FIRST_YEAR + random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28));
        }
        if ("date-time".equals(format) || lower.equals("asof")) {
            return (FIRST_YEAR + 1) + "-01-01T00:00:00Z";
        }
        return switch (type(s)) {
            case "integer", "number" -> String.valueOf(lower.contains("yen") ? 1 + random.nextInt(100_000) : s.has("minimum")
                    ? Math.max(s.get("minimum").asLong(), 1) : 1);
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> lower.contains("department") ? "総務部" : lower.contains("code") ? "1" : "ファズ" + random.nextInt(1000);
        };
    }

    private JsonNode validJson(String name, JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        switch (type(s)) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                Set<String> required = new java.util.HashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                s.path("properties").fields().forEachRemaining(property -> {
                    if (depth < 4 && (required.contains(property.getKey()) || random.nextInt(3) > 0)) {
                        object.set(property.getKey(), validJson(property.getKey(), property.getValue(), depth + 1));
                    }
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                if (depth < 4) {
                    array.add(validJson(name, s.path("items"), depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                String value = validValue(name, s);
                return value.matches("\\d{1,18}") ? JSON.getNodeFactory().numberNode(Long.parseLong(value)) : JSON.getNodeFactory().textNode(value);
            }
            case "boolean" -> {
                return JSON.getNodeFactory().booleanNode(random.nextBoolean());
            }
            default -> {
                return JSON.getNodeFactory().textNode(validValue(name, s));
            }
        }
    }

    // ---- nasty values ----

    private final List<Supplier<String>> nastyStrings = List.of(
            () -> "", () -> " ", () -> "abc", () -> HUGE, () -> "\u0000", () -> "a\u0000b", () -> "\uD800", () -> "x\uDC00y",
            () -> "\u202E総務部", () -> "\u202Ereason", () -> "0000-00-00", () -> "9999-12-31", () -> "2026-02-30", () -> "-1", () -> "0",
            () -> "-0", () -> "9223372036854775808", () -> "-9223372036854775809", () -> "1e400", () -> "NaN", () -> "Infinity", () -> "1.5",
            () -> "true", () -> "null", () -> UUID.randomUUID().toString(), () -> "../..", () -> "予算", () -> "' OR 1=1 --",
            () -> "<x/>", () -> "${jndi:ldap://x}", () -> "%00", () -> "\uFEFF1", () -> "１２３", () -> "△1,000", () -> "\t\n",
            () -> "9999-12-31T23:59:59Z", () -> "0000-00-00T00:00:00Z", () -> "2026-02-30T00:00:00Z", () -> "+999999999-12-31");

    private final List<String> nastyJson = List.of(
            "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "-0", "-0.0", "1.5", "-1", "0", "2147483648", "true",
            "false", "null", "[]", "{}", "[1]", "{\"a\":1}", "\"\"", "\"9223372036854775808\"", "\"1e400\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\udc00x\"", "\"\\u202e総務部\"", "\"0000-00-00\"", "\"9999-12-31\"", "\"2026-02-30\"", "\"-1\"",
            "\"" + UUID.nameUUIDFromBytes(new byte[]{1}) + "\"", "\"" + HUGE + "\"", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
            "\"abc\"", "\"△1,000\"", "\"１２３\"", "0.0000000000000000000001", "1E+2", "123456789012345678901234567890");

    private String nastyString() {
        return nastyStrings.get(random.nextInt(nastyStrings.size())).get();
    }

    /** A value for a URI: percent-encoded UTF-8, a lone surrogate as the bytes Java would not write. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)))) {
                encoded.append(Character.isHighSurrogate(c) ? "%ED%A0%80" : "%ED%B0%80");
            } else if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(String.format("%02X", b & 0xff));
                }
                i = end - 1;
            }
        }
        return encoded.toString();
    }

    // ---- the fuzzer ----

    private Fuzzed fuzz(Operation operation) {
        String user = userFor(operation);
        Map<String, String> path = new LinkedHashMap<>();
        parameters(operation, "path").forEach(p -> path.put(p.get("name").asText(), encode(validValue(p.get("name").asText(), p.path("schema")))));
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : parameters(operation, "query")) {
            if (p.path("required").asBoolean() || random.nextInt(3) == 0) {
                String name = p.get("name").asText();
                if (!name.equals("minPosition")) {
                    query.put(name, encode(validValue(name, p.path("schema"))));
                }
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType = null;
        String json = null;
        byte[] body = null;
        JsonNode content = resolve(operation.spec().path("requestBody")).path("content");
        if (content.has("application/json")) {
            contentType = "application/json";
            JsonNode schema = content.get("application/json").path("schema");
            json = validJson("body", schema, 0).toString();
        } else if (content.size() > 0) {
            contentType = content.fieldNames().next();
            body = "ファズ,1,2\n".getBytes(StandardCharsets.UTF_8);
        }

        List<String> possible = new ArrayList<>(List.of("valid", "role", "odd-path", "query-extra", "header", "method", "raw-bytes"));
        if (!path.isEmpty()) {
            possible.addAll(List.of("path-param", "path-param", "unknown-id"));
        }
        if (!parameters(operation, "query").isEmpty()) {
            possible.addAll(List.of("query-value", "query-value", "query-missing", "query-duplicate"));
        }
        if (json != null) {
            possible.addAll(List.of("body-value", "body-value", "body-value", "body-wrong-type", "body-missing", "body-extra",
                    "body-malformed", "body-malformed", "content-type"));
        } else if (contentType != null) {
            possible.addAll(List.of("content-type", "body-text"));
        }
        String kind = possible.get(random.nextInt(possible.size()));
        String method = operation.method();
        boolean raw = false;
        switch (kind) {
            case "role" -> user = random.nextInt(4) == 0 ? null : ROLES.get(random.nextInt(ROLES.size()));
            case "path-param" -> {
                String name = pick(path.keySet());
                path.put(name, oddSegment(encode(nastyString())));
            }
            case "unknown-id" -> path.put(pick(path.keySet()), UUID.randomUUID().toString());
            case "query-value" -> {
                JsonNode p = parameters(operation, "query").get(random.nextInt(parameters(operation, "query").size()));
                query.put(p.get("name").asText(), encode(nastyString()));
            }
            case "query-missing" -> {
                if (!query.isEmpty()) {
                    query.remove(pick(query.keySet()));
                }
            }
            case "query-duplicate" -> {
                JsonNode p = parameters(operation, "query").get(random.nextInt(parameters(operation, "query").size()));
                String name = p.get("name").asText();
                query.put(name, encode(validValue(name, p.path("schema"))) + "&" + name + "=" + encode(nastyString()));
            }
            case "query-extra" -> query.put(encode(random.nextBoolean() ? "unknown" : "x\u202E"),
                    encode(nastyString()));
            case "header" -> headers.putAll(nastyHeader());
            case "method" -> method = List.of("DELETE", "PATCH", "PUT", "POST", "GET", "TRACE").get(random.nextInt(6));
            case "body-value" -> json = replaceValue(json, nastyJson.get(random.nextInt(nastyJson.size())));
            case "body-wrong-type" -> json = wrongType(json);
            case "body-missing" -> json = dropField(json);
            case "body-extra" -> json = addField(json);
            case "body-malformed" -> json = malformed(json);
            case "content-type" -> {
                String[] choice = wrongContentType(json != null ? json : new String(body, StandardCharsets.UTF_8));
                contentType = choice[0];
                body = choice[1].getBytes(Charset.forName(choice[2]));
                json = null;
            }
            case "body-text" -> body = nastyString().getBytes(StandardCharsets.UTF_8);
            case "raw-bytes" -> raw = true;
            default -> {
            }
        }
        String target = operation.template();
        for (Map.Entry<String, String> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", p.getValue());
        }
        if ("odd-path".equals(kind)) {
            target = oddPath(target);
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            query.forEach((name, value) -> q.append(q.length() == 0 ? "?" : "&").append(name).append('=').append(value));
            target += q;
        }
        if (raw) {
            target = rawTarget(target);
            if (random.nextBoolean()) {
                headers.put("X-Fuzz", "\u0000\u00ff予\uD800");
            }
        }
        if (json != null) {
            body = json.getBytes(StandardCharsets.UTF_8);
            if ("body-malformed".equals(kind) && random.nextInt(4) == 0) {
                body = invalidUtf8(body);
            }
        }
        if (body != null && contentType != null) {
            headers.putIfAbsent("Content-Type", contentType);
        }
        if (user != null) {
            headers.putIfAbsent("Authorization", ServedApiDocument.basic(user, "role".equals(kind) && random.nextInt(5) == 0 ? "wrong" : TestUsers.PASSWORD));
        }
        return new Fuzzed(kind, operation, method, target, headers, body, raw);
    }

    private String userFor(Operation operation) {
        String path = operation.template();
        return path.endsWith("/approve") || path.endsWith("/reject") || path.endsWith("/close") || path.endsWith("/reopen")
                ? "approving-officer" : TestUsers.DEFAULT;
    }

    private <T> T pick(Set<T> from) {
        int index = random.nextInt(from.size());
        Iterator<T> it = from.iterator();
        for (int i = 0; i < index; i++) {
            it.next();
        }
        return it.next();
    }

    private String oddSegment(String encoded) {
        return switch (random.nextInt(8)) {
            case 0 -> "%2e%2e";
            case 1 -> "%00";
            case 2 -> "a".repeat(5_000);
            case 3 -> encode("予算\u202E");
            case 4 -> "%2F";
            case 5 -> "..";
            case 6 -> encoded.isEmpty() ? "%20" : encoded.substring(0, Math.min(encoded.length(), 6_000));
            default -> "%C0%AE%C0%AE";
        };
    }

    private String oddPath(String path) {
        return switch (random.nextInt(10)) {
            case 0 -> "/" + path;
            case 1 -> path.replaceFirst("/api/", "/api//");
            case 2 -> path + "/";
            case 3 -> path + "/%2e%2e/%2e%2e/actuator/prometheus";
            case 4 -> path + "%00";
            case 5 -> path + ";jsessionid=fuzz";
            case 6 -> path.replaceFirst("/api/", "/api/./");
            case 7 -> path + "/" + "x".repeat(20_000);
            case 8 -> path.replaceFirst("/api/", "/api/%2e%2e/api/");
            default -> path + "/" + encode("予算\u202E\uD800");
        };
    }

    private String rawTarget(String target) {
        return switch (random.nextInt(6)) {
            case 0 -> target + "\u0000";
            case 1 -> target + "/予算";
            case 2 -> target + "%zz";
            case 3 -> target.replace("/api/", "/api\\");
            case 4 -> target + "?a=%";
            default -> target + "|<>\"";
        };
    }

    private Map<String, String> nastyHeader() {
        String name = List.of("If-Match", "Idempotency-Key", "Accept", "Accept-Charset", "Cookie", "Authorization", "X-Ledger-Actor",
                "Accept-Language", "X-Forwarded-For", "Range").get(random.nextInt(10));
        String value = List.of("", "*", "\"-1\"", "W/\"1\"", "\"9223372036854775808\"", "x".repeat(10_000), "application/xml",
                "text/html;q=abc", "SESSION=fuzz; JSESSIONID=%00", "Basic !!!", "Bearer fuzz", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)), "\u00e9\u00ff", "1, 2, 3", "bytes=0-0",
                "\"" + UUID.randomUUID() + "\"", "%E4%BA%88").get(random.nextInt(17));
        return Map.of(name, value);
    }

    private String replaceValue(String json, String token) {
        try {
            JsonNode tree = JSON.readTree(json);
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(tree, objects);
            if (objects.isEmpty()) {
                return token;
            }
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            if (target.isEmpty()) {
                target.put("unknown", FILLER);
            } else {
                target.put(pick(iterable(target.fieldNames())), FILLER);
            }
            return tree.toString().replace("\"" + FILLER.replace("\u0001", "\\u0001") + "\"", token);
        } catch (IOException e) {
            return json;
        }
    }

    private String wrongType(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(tree, objects);
            if (objects.isEmpty() || objects.get(0).isEmpty()) {
                return "[]";
            }
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            if (target.isEmpty()) {
                return "\"" + json.replace("\"", "\\\"") + "\"";
            }
            String field = pick(iterable(target.fieldNames()));
            JsonNode value = target.get(field);
            if (value.isNumber()) {
                target.put(field, "abc");
            } else if (value.isTextual()) {
                target.set(field, random.nextBoolean() ? JSON.getNodeFactory().numberNode(12345) : JSON.createObjectNode());
            } else if (value.isArray()) {
                target.set(field, JSON.createObjectNode().put("x", 1));
            } else if (value.isObject()) {
                target.set(field, JSON.createArrayNode().add("x"));
            } else {
                target.put(field, "yes");
            }
            return tree.toString();
        } catch (IOException e) {
            return json;
        }
    }

    private String dropField(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree instanceof ObjectNode object && !object.isEmpty()) {
                if (random.nextInt(3) == 0) {
                    return "{}";
                }
                object.remove(pick(iterable(object.fieldNames())));
            }
            return tree.toString();
        } catch (IOException e) {
            return json;
        }
    }

    private String addField(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree instanceof ObjectNode object) {
                object.put(random.nextBoolean() ? "unknownField" : "\u202E\u0000" + random.nextInt(10), nastyString());
                if (random.nextBoolean()) {
                    object.put("__proto__", "x");
                }
            }
            return tree.toString();
        } catch (IOException e) {
            return json;
        }
    }

    private String malformed(String json) {
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, json.length() / 2);
            case 1 -> json + "}garbage";
            case 2 -> "[".repeat(100_000) + "]".repeat(100_000);
            case 3 -> "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
            case 4 -> "";
            case 5 -> "\uFEFF" + json;
            case 6 -> json.replace("\"", "'");
            case 7 -> "/* comment */" + json;
            case 8 -> json.replaceFirst("\\{", "{\"fiscalYear\":2251,\"fiscalYear\":\"x\",");
            case 9 -> "null";
            case 10 -> json + json;
            default -> json.replace(":", "");
        };
    }

    private static byte[] invalidUtf8(byte[] body) {
        byte[] garbage = {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC0, (byte) 0xAE, (byte) 0xFF, 0x00};
        byte[] spliced = new byte[body.length + garbage.length];
        int at = body.length / 2;
        System.arraycopy(body, 0, spliced, 0, at);
        System.arraycopy(garbage, 0, spliced, at, garbage.length);
        System.arraycopy(body, at, spliced, at + garbage.length, body.length - at);
        return spliced;
    }

    /** {content type, body, charset to encode it in}. */
    private String[] wrongContentType(String body) {
        return switch (random.nextInt(9)) {
            case 0 -> new String[]{"text/plain", body, "UTF-8"};
            case 1 -> new String[]{"application/xml", "<request><fiscalYear>2251</fiscalYear></request>", "UTF-8"};
            case 2 -> new String[]{"multipart/form-data; boundary=fuzz",
                    "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n"
                            + body + "\r\n--fuzz--\r\n", "UTF-8"};
            case 3 -> new String[]{"multipart/form-data", body, "UTF-8"};
            case 4 -> new String[]{"application/json; charset=Shift_JIS", body, "Shift_JIS"};
            case 5 -> new String[]{"application/json; charset=no-such-charset", body, "UTF-8"};
            case 6 -> new String[]{"application/x-www-form-urlencoded", "fiscalYear=2251&name=%E4%BA%88", "UTF-8"};
            case 7 -> new String[]{"application/json; charset=UTF-16", body, "UTF-16"};
            default -> new String[]{"*/*", body, "UTF-8"};
        };
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collectObjects(child, into));
    }

    private static Set<String> iterable(Iterator<String> names) {
        Set<String> set = new java.util.LinkedHashSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    private static String cut(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        return shown.replace("\u0000", "\\0");
    }
}
