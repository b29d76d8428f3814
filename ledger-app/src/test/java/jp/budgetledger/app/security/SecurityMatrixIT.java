package jp.budgetledger.app.security;

import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the application, as its request mappings say, against every role: without
 * credentials 401, with a role the endpoint's rule does not allow 403, otherwise the status the
 * call's input deserves (listed per endpoint). An endpoint without a rule fails this test.
 */
class SecurityMatrixIT extends LedgerIT {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;

    record Endpoint(HttpMethod method, String pattern) {
        String path() {
            return pattern.replace("{id}", "no-such-id").replace("{name}", "no-such-projection").replace("{fiscalYear}", "2099");
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("jp.budgetledger")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern));
                }
            }
        });
        return endpoints;
    }

    private static boolean allows(Role required, String user) {
        return switch (user) {
            case "viewer" -> required == Role.VIEWER;
            case "only-officer" -> required == Role.VIEWER || required == Role.OFFICER;
            case "auditor" -> required == Role.VIEWER || required == Role.AUDITOR;
            case "admin" -> required == Role.VIEWER || required == Role.ADMIN;
            case "approver" -> required == Role.VIEWER || required == Role.APPROVER;
            default -> throw new IllegalArgumentException(user);
        };
    }

    private Api.Response call(Api api, Endpoint endpoint) {
        return endpoint.method() == HttpMethod.GET ? api.get(endpoint.path())
                : endpoint.method() == HttpMethod.PUT ? api.put(endpoint.path(), "{}") : api.post(endpoint.path(), "{}");
    }

    @Test
    void everyEndpointHasARule() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(20);
        assertThat(endpoints).allSatisfy(e -> assertThat(EndpointRules.of(e.method(), e.pattern()))
                .as("rule for " + e.method() + " " + e.pattern()).isPresent());
    }

    @Test
    void noEndpointAnswersWithoutAuthenticationExceptHealth() {
        Api anonymous = new Api(port).as(null);
        for (Endpoint endpoint : endpoints()) {
            Api.Response response = call(anonymous, endpoint);
            assertThat(response.status()).as(endpoint.toString()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(401);
        Api.Response wrong = new Api(port, "viewer", "wrong-password").get("/api/totals?fiscalYear=2020");
        assertThat(wrong.status()).isEqualTo(401);
    }

    /**
     * What an allowed call answers, never a 5xx: a read answers 200, or 400 without the query
     * parameters it requires; an unknown id 404; a change with the empty body {@code {}} 400 (an
     * import, which takes a document, not JSON, 415); a verification of the store 200; the tree head and leaves 200
     * (a head is signed first), a new one 201, a proof without its parameters 400. A new endpoint fails
     * {@link #eachRoleIsAllowedOrForbiddenAsTheMatrixSays} until it is listed here.
     */
    private static final Map<String, Integer> ALLOWED_STATUS = Map.ofEntries(
            Map.entry("GET /api/admin/projections", 200),
            Map.entry("GET /api/approvals", 200),
            Map.entry("GET /api/approvals/{id}", 404),
            Map.entry("GET /api/approvals/{id}/history", 404),
            Map.entry("POST /api/approvals/{id}/approve", 404),
            Map.entry("POST /api/approvals/{id}/reject", 400),
            Map.entry("GET /api/audit/digest", 200),
            Map.entry("GET /api/audit/events", 200),
            Map.entry("GET /api/audit/tree-head", 200),
            Map.entry("GET /api/audit/tree-heads", 200),
            Map.entry("POST /api/audit/tree-heads", 201),
            Map.entry("GET /api/audit/public-key", 200),
            Map.entry("GET /api/audit/proofs/inclusion", 400),
            Map.entry("GET /api/audit/proofs/consistency", 400),
            Map.entry("GET /api/audit/tree-leaves", 200),
            Map.entry("GET /api/fiscal-years", 200),
            Map.entry("GET /api/fiscal-years/{fiscalYear}", 200),
            Map.entry("POST /api/fiscal-years/{fiscalYear}/close", 400),
            Map.entry("POST /api/fiscal-years/{fiscalYear}/reopen", 400),
            Map.entry("GET /api/continuing-expenses", 400),
            Map.entry("GET /api/continuing-expenses/{id}", 404),
            Map.entry("GET /api/reports/continuing-expenses", 400),
            Map.entry("POST /api/continuing-expenses", 400),
            Map.entry("POST /api/continuing-expenses/{id}/carry-forward", 400),
            Map.entry("GET /api/general-provisions/{fiscalYear}", 200),
            Map.entry("GET /api/initiatives", 200),
            Map.entry("GET /api/initiatives/{id}", 404),
            Map.entry("GET /api/initiatives/{id}/history", 404),
            Map.entry("GET /api/me", 200),
            Map.entry("GET /api/reports/betsu", 400),
            Map.entry("GET /api/reports/stages", 400),
            Map.entry("GET /api/reports/table1", 400),
            Map.entry("GET /api/reports/detail", 400),
            Map.entry("GET /api/reports/current-budget", 400),
            Map.entry("GET /api/reports/carryovers", 400),
            Map.entry("GET /api/reports/carryover-limits", 400),
            Map.entry("PUT /api/initiatives/{id}/carryover-limit", 400),
            Map.entry("POST /api/carryovers", 400),
            Map.entry("GET /api/supplementary-budgets", 400),
            Map.entry("GET /api/supplementary-budgets/{id}", 404),
            Map.entry("GET /api/supplementary-budgets/{id}/summary", 404),
            Map.entry("GET /api/totals", 400),
            Map.entry("GET /api/totals/categories", 400),
            Map.entry("GET /api/totals/departments", 400),
            Map.entry("GET /api/totals/tree", 400),
            Map.entry("GET /api/totals/subjects", 400),
            Map.entry("GET /api/totals/balance", 400),
            Map.entry("POST /api/admin/projections/{name}/rebuild", 400),
            Map.entry("POST /api/audit/replays", 400),
            Map.entry("POST /api/audit/verify", 200),
            Map.entry("POST /api/imports", 415),
            Map.entry("POST /api/imports/budget-csv", 415),
            Map.entry("POST /api/initiatives", 400),
            Map.entry("POST /api/initiatives/{id}/amendments", 400),
            Map.entry("POST /api/initiatives/{id}/corrections", 400),
            Map.entry("POST /api/initiatives/{id}/reassignments", 400),
            Map.entry("POST /api/initiatives/{id}/revisions", 400),
            Map.entry("POST /api/initiatives/{id}/withdrawals", 400),
            Map.entry("POST /api/supplementary-budgets", 400),
            Map.entry("POST /api/transfers", 400),
            Map.entry("POST /api/reserve-fund-uses", 400),
            Map.entry("POST /api/general-provisions/{fiscalYear}/transfer-clauses", 400),
            Map.entry("POST /api/general-provisions/{fiscalYear}/barred-setsu", 400),
            Map.entry("POST /api/supplementary-budgets/{id}/assembly-reports", 400),
            Map.entry("POST /api/supplementary-budgets/{id}/resolutions", 400),
            Map.entry("GET /api/debt-commitments", 400),
            Map.entry("GET /api/debt-commitments/{id}", 404),
            Map.entry("GET /api/reports/debt-commitments", 400),
            Map.entry("POST /api/debt-commitments", 400),
            Map.entry("POST /api/debt-commitments/{id}/amendments", 400),
            Map.entry("POST /api/debt-commitments/{id}/abolitions", 400));

    @Test
    void eachRoleIsAllowedOrForbiddenAsTheMatrixSays() {
        assertThat(new Api(port).as("auditor").post("/api/audit/tree-heads", "").status()).as("a tree head to read").isEqualTo(201);
        Map<String, String> observed = new java.util.TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (String user : List.of("viewer", "only-officer", "auditor", "admin", "approver")) {
            Api api = new Api(port).as(user);
            for (Endpoint endpoint : endpoints()) {
                List<Role> required = EndpointRules.of(endpoint.method(), endpoint.pattern()).orElseThrow().roles();
                Api.Response response = call(api, endpoint);
                if (!required.isEmpty() && required.stream().noneMatch(role -> allows(role, user))) {
                    assertThat(response.status()).as(user + " " + endpoint).isEqualTo(403);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                } else {
                    String key = endpoint.method() + " " + endpoint.pattern();
                    observed.put(key, Integer.toString(response.status()));
                    Integer expected = ALLOWED_STATUS.get(key);
                    if (expected == null || expected != response.status()) {
                        wrong.add(user + " " + key + ": expected " + expected + ", got " + response.status() + " " + response.raw());
                    }
                }
            }
        }
        assertThat(wrong).as("allowed calls answer their own status (all observed: %s)", observed).isEmpty();
    }

    @Test
    void anOfficerOfOneDepartmentCannotChangeAnotherDepartmentsLines() {
        Api soumu = new Api(port).as("soumu-officer");
        Api.Response education = new Api(port).post("/api/initiatives", line(2095, "1", "分類", "教育委員会", "学校事業", 1_000));
        Api.Response general = soumu.post("/api/initiatives", line(2095, "1", "分類", "総務部", "総務事業", 1_000));
        assertThat(general.status()).isEqualTo(201);
        assertThat(soumu.post("/api/initiatives", line(2095, "1", "分類", "教育委員会", "越権", 1_000)).status()).isEqualTo(403);
        Api.Response amend = soumu.post("/api/initiatives/" + education.text("id") + "/amendments", "{\"deltaYen\": 1, \"reason\": \"越権\"}");
        assertThat(amend.status()).isEqualTo(403);
        assertThat(amend.body().at("/errors/0/field").asText()).isEqualTo("department");
        assertThat(soumu.post("/api/initiatives/" + general.text("id") + "/amendments", "{\"deltaYen\": 1, \"reason\": \"増額\"}").status())
                .isEqualTo(200);
        String transfer = "{\"fromId\": \"%s\", \"toId\": \"%s\", \"amountYen\": 1, \"reason\": \"流用\"}";
        assertThat(soumu.post("/api/transfers", transfer.formatted(general.text("id"), education.text("id"))).status()).isEqualTo(403);
        assertThat(soumu.post("/api/initiatives/" + general.text("id") + "/reassignments",
                "{\"department\": \"教育委員会\", \"reason\": \"移管\"}").status()).isEqualTo(403);
        Api.Response treasury = new Api(port).post("/api/initiatives", line(2095, "1", "分類", "出納局", "出納事業", 1_000));
        assertThat(new Api(port).as("multi-officer").post("/api/transfers", transfer.formatted(general.text("id"), treasury.text("id")))
                .status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE '%越権%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void apiClientsWithBasicCredentialsGetNoSessionAndNoCsrfCookie() {
        Api api = new Api(port);
        Api.Response added = api.post("/api/initiatives", line(2072, "1", "分類", "総務部", "状態なし", 1_000));
        assertThat(added.status()).isEqualTo(201);
        Api.Response read = api.get("/api/initiatives/" + added.text("id"));
        for (Api.Response response : List.of(added, read)) {
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
        assertThat(new Api(port).as(null).get("/api/totals?fiscalYear=2020").status()).isEqualTo(401);
    }

    @Test
    void responsesCarrySecurityHeadersAndErrorsLeakNothing() {
        Api.Response response = new Api(port).get("/api/totals?fiscalYear=2020");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        Api.Response error = new Api(port).post("/api/initiatives", "{\"fiscalYear\": \"x\"", Map.of());
        assertThat(error.raw()).doesNotContain("Exception").doesNotContain("jackson").doesNotContain("at [Source");
    }

    @Test
    void healthShowsItsDetailsOnlyToAnAdmin() {
        Api anonymous = new Api(port).as(null);
        for (Api api : List.of(anonymous, anonymous.as("viewer"), anonymous.as("only-officer"), anonymous.as("auditor"),
                anonymous.as("approver"))) {
            Api.Response health = api.get("/actuator/health");
            assertThat(health.status()).as(health.raw()).isEqualTo(200);
            assertThat(health.text("status")).isEqualTo("UP");
            assertThat(health.body().has("components")).as("details shown: " + health.raw()).isFalse();
            assertThat(health.raw()).doesNotContain("headPosition").doesNotContain("PostgreSQL");
        }
        Api.Response admin = anonymous.as("admin").get("/actuator/health");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(admin.body().at("/components/eventProcessors/details/headPosition").isNumber()).as(admin.raw()).isTrue();
        Api.Response wrongPassword = new Api(port, "admin", "wrong-password").get("/actuator/health");
        assertThat(wrongPassword.status()).as("bad credentials are refused, not shown less").isEqualTo(401);
    }

    @Test
    void aForgedLineInAUserNameStaysOnOneLogLine() {
        Logger security = (Logger) LoggerFactory.getLogger("jp.budgetledger.security");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        security.addAppender(captured);
        String forged = "mallory\n2026-12-02 INFO forged\r\u202eevil";
        try {
            Api.Response response = new Api(port, forged, "wrong-password").get("/api/totals?fiscalYear=2110");
            assertThat(response.status()).isEqualTo(401);
        } finally {
            security.detachAppender(captured);
        }
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("mallory")).toList();
        assertThat(lines).as("the failed login and the 401 are logged").hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u202e");
            assertThat(line).contains("mallory_2026-12-02 INFO forged__evil");
        });
    }
}
