package jp.budgetledger.app.web;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at {@code /v3/api-docs} is the contract: the README's API
 * walk-through (every curl of its API sections, in order, with the ids the ledger answers) and
 * then every documented operation, error cases included, are sent to the running service on its
 * own embedded PostgreSQL, and each live request and response is validated against the served
 * document with swagger-request-validator. A response must give zero violations, and so must a
 * request unless the test sends it broken on purpose, in which case exactly the expected
 * violations must be reported. Every operation of the document must have been exercised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.read-max-wait=1s")
@AutoConfigureObservability
class ApiContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA_DIR = LedgerIT.newDataDirectory("ledger-contract-it-");
    private static final String BETSU = "/jp/budgetledger/core/document/betsu3-smart-municipality.txt";
    private static final String OFFICER = "officer";
    private static final String AUDITOR = "auditor";
    private static final String ADMIN = "admin";

    @DynamicPropertySource
    static void ledgerProperties(DynamicPropertyRegistry registry) {
        LedgerIT.register(registry, DATA_DIR);
    }

    @LocalServerPort
    int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ServedApiDocument document;
    private OpenApiInteractionValidator validator;
    private final Set<String> exercised = new TreeSet<>();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** One live exchange. */
    record Exchange(int status, java.net.http.HttpHeaders headers, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text(String field) {
            return json().path(field).asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A request to send: who (null: nobody; "session": the signed-in session), what, and the violations it is built to have. */
    private final class Call {
        private final String method;
        private final String target;
        private String user;
        private String password = TestUsers.PASSWORD;
        private String contentType;
        private byte[] body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Set<String> expectedRequestViolations = new TreeSet<>();

        Call(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Call as(String user) {
            this.user = user;
            return this;
        }

        Call password(String password) {
            this.password = password;
            return this;
        }

        Call json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        Call body(String contentType, byte[] body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** The request breaks the document on purpose: exactly these violation keys must be reported for it. */
        Call breaking(String... keys) {
            expectedRequestViolations.addAll(List.of(keys));
            return this;
        }

        Exchange expect(int status) {
            Exchange exchange = send(this);
            assertThat(exchange.status()).as("%s %s answered %s", method, target, new String(exchange.body(), StandardCharsets.UTF_8))
                    .isEqualTo(status);
            return exchange;
        }
    }

    private Call get(String target) {
        return new Call("GET", target);
    }

    private Call post(String target) {
        return new Call("POST", target);
    }

    private Call put(String target) {
        return new Call("PUT", target);
    }

    @BeforeEach
    void loadTheServedDocument() throws Exception {
        document = ServedApiDocument.load(client, base());
        validator = document.validator();
    }

    @Test
    void theValidatorRejectsAnUndocumentedStatusAndAnUndocumentedOperation() {
        SimpleRequest me = SimpleRequest.Builder.get("/api/me").withHeader("Authorization", ServedApiDocument.basic("viewer", TestUsers.PASSWORD)).build();
        assertThat(ServedApiDocument.keys(validator.validateRequest(me))).isEmpty();
        ValidationReport teapot = validator.validate(me, SimpleResponse.Builder.status(418)
                .withContentType("application/problem+json").withBody("{\"type\":\"about:blank\",\"title\":\"x\",\"status\":418,\"errors\":[]}").build());
        assertThat(ServedApiDocument.keys(teapot)).contains("validation.response.status.unknown");
        ValidationReport unknownPath = validator.validateRequest(SimpleRequest.Builder.get("/api/no-such-operation")
                .withHeader("Authorization", ServedApiDocument.basic("viewer", TestUsers.PASSWORD)).build());
        assertThat(ServedApiDocument.keys(unknownPath)).contains("validation.request.path.missing");
        ValidationReport unknownMethod = validator.validateRequest(SimpleRequest.Builder.delete("/api/me")
                .withHeader("Authorization", ServedApiDocument.basic("viewer", TestUsers.PASSWORD)).build());
        assertThat(ServedApiDocument.keys(unknownMethod)).contains("validation.request.operation.notAllowed");
        ValidationReport wrongBody = validator.validate(me, SimpleResponse.Builder.ok().withContentType("application/json")
                .withBody("{\"name\":7,\"roles\":\"VIEWER\"}").build());
        assertThat(wrongBody.hasErrors()).isTrue();
    }

    @Test
    void theReadmeWalkThroughAndEveryOperationKeepToTheServedDocument() throws Exception {
        fiscalYears();
        walkThroughTheReadme();
        sessionOfTheWebPages();
        errorsAndRetries();
        classifiedLines();
        approvals();
        transferRules();
        supplementaryBills();
        carryovers();
        debtCommitments();
        continuingExpenses();

        Set<String> documented = document.operations();
        assertThat(documented).as("the served document lists operations").hasSizeGreaterThan(25);
        assertThat(exercised).as("operations the test sent").containsAll(documented);
    }

    /**
     * README.md's "A walk through the API", "Time travel and audit", "Changing budgets", "Operations": every curl, in order. The
     * README's current fiscal year ({@code $FY}) is 2036 here, a year that has not ended whenever the test runs.
     */
    private void walkThroughTheReadme() throws Exception {
        assertThat(get("/api/totals?fiscalYear=2020").as(OFFICER).expect(200).json().get("totalYen").asLong()).isEqualTo(312_451_000L);
        assertThat(get("/api/reports/betsu?fiscalYear=2020").as(OFFICER).expect(200).header("Content-Type")).startsWith("text/plain");
        assertThat(get("/api/reports/betsu?fiscalYear=2020&format=xlsx").as(OFFICER).expect(200).header("Content-Type"))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(get("/api/reports/betsu?fiscalYear=2020&format=csv").as(OFFICER).expect(200).header("Content-Type")).startsWith("text/csv");
        Exchange dryRun = post("/api/imports?fiscalYear=2021&dryRun=true").as(OFFICER).body("text/plain", betsu()).expect(200);
        assertThat(dryRun.json().get("linesParsed").asInt()).isEqualTo(16);

        Exchange first = post("/api/initiatives").as(OFFICER).json("""
                {"fiscalYear":2036,"categoryCode":"1","categoryName":"スマート改革の推進","department":"総務部",
                 "name":"スマート自治体推進事業費","amountYen":37786000,"summary":"AI-OCRの活用","reason":"当初予算","reference":"議案第1号"}""")
                .expect(201);
        String id1 = first.text("id");
        assertThat(first.header("Location")).endsWith("/api/initiatives/" + id1);
        String id2 = post("/api/initiatives").as(OFFICER).json("""
                {"fiscalYear":2036,"categoryCode":"1","categoryName":"スマート改革の推進","department":"総務部",
                 "name":"情報ネットワーク維持管理費","amountYen":26036000,"reason":"当初予算"}""").expect(201).text("id");
        post("/api/initiatives").as(OFFICER).json("""
                {"fiscalYear":2036,"categoryCode":"4","categoryName":"キャッシュレス決済の推進","department":"出納局",
                 "name":"財務会計管理費","amountYen":24008000,"reason":"当初予算"}""").expect(201);

        Exchange amended = post("/api/initiatives/" + id1 + "/amendments").as(OFFICER)
                .json("{\"deltaYen\":\"△1,786,000\",\"effectiveDate\":\"2036-09-30\",\"reason\":\"9月補正\",\"reference\":\"議案第49号\"}")
                .expect(200);
        assertThat(amended.json().get("amountYen").asLong()).isEqualTo(36_000_000L);
        long position = amended.json().get("position").asLong();

        assertThat(get("/api/totals?fiscalYear=2036&minPosition=" + position).as(OFFICER).expect(200).json().get("totalYen").asLong())
                .isEqualTo(86_044_000L);
        assertThat(get("/api/totals/departments?fiscalYear=2036").as(OFFICER).expect(200).json().toString()).isEqualTo(
                "[{\"department\":\"総務部\",\"totalYen\":62036000,\"initiativeCount\":2},"
                        + "{\"department\":\"出納局\",\"totalYen\":24008000,\"initiativeCount\":1}]");
        get("/api/totals/categories?fiscalYear=2036").as(OFFICER).expect(200);
        assertThat(get("/api/initiatives?fiscalYear=2036&department=%E7%B7%8F%E5%8B%99%E9%83%A8").as(OFFICER).expect(200).json()).hasSize(2);
        assertThat(get("/api/initiatives/" + id1).as(OFFICER).expect(200).header("ETag")).isEqualTo("\"1\"");

        Exchange negative = post("/api/initiatives/" + id1 + "/amendments").as(OFFICER)
                .json("{\"deltaYen\":-99999999999,\"reason\":\"減額\"}").expect(422);
        assertThat(negative.text("rule")).isEqualTo("negative-amount");
        assertThat(negative.header("Content-Type")).startsWith("application/problem+json");

        assertThat(get("/api/totals?fiscalYear=2036&effectiveOn=2036-09-29").as(OFFICER).expect(200).json().get("totalYen").asLong())
                .isEqualTo(87_830_000L);
        get("/api/totals/departments?fiscalYear=2036&effectiveOn=2036-09-29&asOf=2026-01-01T00:00:00Z").as(OFFICER).expect(200);
        get("/api/initiatives?fiscalYear=2036&effectiveOn=2036-09-29").as(OFFICER).expect(200);
        get("/api/initiatives/" + id1 + "/history").as(AUDITOR).expect(200);
        get("/api/audit/events?fiscalYear=2036&actor=officer").as(AUDITOR).expect(200);
        assertThat(get("/api/audit/events?fiscalYear=2036&actor=officer&format=csv").as(AUDITOR).expect(200).header("Content-Type"))
                .startsWith("text/csv");
        assertThat(post("/api/audit/replays").as(AUDITOR).json("{\"fiscalYear\":2036,\"effectiveOn\":\"2036-09-29\"}").expect(200)
                .json().get("matches").asBoolean()).isTrue();
        byte[] digest = get("/api/audit/digest").as(AUDITOR).expect(200).body();
        assertThat(post("/api/audit/verify").as(AUDITOR).body("application/json", digest).expect(200).json().get("verified").asBoolean())
                .isTrue();

        Exchange treeHead = post("/api/audit/tree-heads").as(AUDITOR).expect(201);
        long treeSize = treeHead.json().get("treeSize").asLong();
        assertThat(treeSize).isGreaterThanOrEqualTo(position);
        assertThat(get("/api/audit/public-key").as(AUDITOR).expect(200).header("Content-Type")).startsWith("application/x-pem-file");
        JsonNode againstHead = post("/api/audit/verify").as(AUDITOR).json("{\"treeHead\": " + treeHead.json() + "}").expect(200).json();
        assertThat(againstHead.at("/treeHead/matches").asBoolean()).isTrue();
        assertThat(get("/api/audit/proofs/inclusion?position=" + position + "&treeSize=" + treeSize).as(AUDITOR).expect(200).json()
                .get("rootHash").asText()).isEqualTo(treeHead.json().get("rootHash").asText());
        get("/api/audit/proofs/consistency?from=1&to=" + treeSize).as(AUDITOR).expect(200);
        assertThat(get("/api/audit/tree-leaves?treeSize=" + treeSize).as(AUDITOR).expect(200).header("Content-Type"))
                .startsWith("application/x-ndjson");
        get("/api/audit/tree-head").as(AUDITOR).expect(200);
        get("/api/audit/tree-heads").as(AUDITOR).expect(200);

        Exchange budget = post("/api/supplementary-budgets").as(OFFICER).json("""
                {"fiscalYear":2036, "name":"12月補正", "reference":"議案第80号", "resolvedOn":"2036-12-20",
                 "items":[{"initiativeId":"%s","deltaYen":500000},
                          {"categoryCode":"5","categoryName":"AI・RPA等の活用","department":"総務部","name":"新規事業","amountYen":2000000}]}"""
                .formatted(id1)).expect(201);
        get("/api/supplementary-budgets?fiscalYear=2036").as(OFFICER).expect(200);
        get("/api/totals?fiscalYear=2036&stage=initial").as(OFFICER).expect(200);
        get("/api/totals?fiscalYear=2036&stage=" + budget.text("id") + "&minPosition=" + budget.json().get("position").asLong())
                .as(OFFICER).expect(200);
        get("/api/reports/stages?fiscalYear=2036").as(OFFICER).expect(200);
        assertThat(get("/api/totals/tree?fiscalYear=2036&stage=initial").as(OFFICER).expect(200).json().get(0).get("name").asText())
                .isEqualTo("未分類");
        get("/api/totals/subjects?fiscalYear=2036&side=expenditure&level=kou").as(OFFICER).expect(200);
        get("/api/totals/balance?fiscalYear=2036").as(OFFICER).expect(200);
        assertThat(get("/api/reports/table1?fiscalYear=2036&format=json").as(OFFICER).expect(200).json().get("unit").asText()).isEqualTo("千円");
        assertThat(get("/api/reports/detail?fiscalYear=2036&format=json&stage=initial").as(OFFICER).expect(200).json()
                .at("/moment/stage").asText()).isEqualTo("initial");
        assertThat(get("/api/reports/detail?fiscalYear=2036&format=xlsx").as(OFFICER).expect(200).header("Content-Type"))
                .startsWith("application/vnd.openxmlformats");
        Exchange table1Pdf = get("/api/reports/table1?fiscalYear=2036&format=pdf").as(OFFICER).expect(200);
        assertThat(table1Pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(new String(table1Pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        post("/api/transfers").as(OFFICER).json("""
                {"fromId":"%s","toId":"%s","amountYen":1000000,"effectiveDate":"2036-11-01","reason":"流用"}""".formatted(id1, id2))
                .expect(201);
        JsonNode current = get("/api/reports/current-budget?fiscalYear=2036&level=line&effectiveOn=2036-12-20&minPosition="
                + budget.json().get("position").asLong()).as(OFFICER).expect(200).json();
        assertThat(current.get("supplementaryBudgets").size()).isEqualTo(1);
        assertThat(get("/api/reports/current-budget?fiscalYear=2036&format=csv").as(OFFICER).expect(200).header("Content-Type"))
                .startsWith("text/csv");
        get("/api/reports/current-budget?fiscalYear=2036&level=setsu").as(OFFICER).breaking("validation.request.parameter.schema.enum")
                .expect(400);

        post("/api/initiatives/" + id1 + "/corrections").as(OFFICER).json("{\"sequence\":1,\"reason\":\"入力誤りの訂正\"}").expect(200);
        post("/api/initiatives/" + id1 + "/withdrawals").as(OFFICER).json("{\"effectiveDate\":\"2037-01-01\",\"reason\":\"事業廃止\"}")
                .expect(200);
        post("/api/initiatives/" + id2 + "/revisions").as(OFFICER).json("{\"name\":\"新名称\",\"reason\":\"名称変更\"}").expect(200);
        post("/api/initiatives/" + id2 + "/reassignments").as(OFFICER)
                .json("{\"department\":\"デジタル推進局\",\"effectiveDate\":\"2036-10-01\",\"reason\":\"組織改正\"}").expect(200);
        // the second line's event 1 is the transfer, which is not a plain amendment (the README says so)
        Exchange notPlain = post("/api/initiatives/" + id2 + "/corrections").as(OFFICER)
                .json("{\"sequence\":1,\"reason\":\"入力誤りの訂正\"}").expect(422);
        assertThat(notPlain.text("rule")).isEqualTo("correction-not-allowed");
        post("/api/initiatives/" + id1 + "/amendments").as(OFFICER).json("{\"deltaYen\":1,\"reason\":\"取消用\"}").expect(409);

        Exchange rebuild = post("/api/admin/projections/totals/rebuild").as(ADMIN).expect(202);
        assertThat(rebuild.text("state")).isEqualTo("stopping");
        get("/api/admin/projections").as(ADMIN).expect(200);
        assertThat(get("/api/totals?fiscalYear=2036").as(OFFICER).expect(200).header("X-Ledger-Rebuilding")).contains("totals");
        assertThat(new String(get("/actuator/prometheus").as(ADMIN).expect(200).body(), StandardCharsets.UTF_8)).contains("ledger_");
        awaitRebuilt();
        get("/actuator/health").expect(200);

        // a correction of a plain amendment, as the README's last curl means
        String id3 = post("/api/initiatives").as(OFFICER).json(Api.line(2036, "1", "分類", "総務部", "訂正される事業", 1000)).expect(201).text("id");
        post("/api/initiatives/" + id3 + "/amendments").as(OFFICER).json("{\"newAmountYen\":2000,\"reason\":\"増額\"}").expect(200);
        post("/api/initiatives/" + id3 + "/corrections").as(OFFICER).json("{\"sequence\":1,\"reason\":\"入力誤りの訂正\"}").expect(200);
        post("/api/initiatives/" + id3 + "/corrections").as(OFFICER).json("{\"sequence\":1,\"reason\":\"二度目\"}").expect(409);
    }

    private void awaitRebuilt() {
        Awaitility.await("the totals' rebuild is done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode totals = null;
                    for (JsonNode status : get("/api/admin/projections").as(ADMIN).expect(200).json()) {
                        if (status.get("name").asText().equals("totals")) {
                            totals = status;
                        }
                    }
                    assertThat(totals).isNotNull();
                    return totals.get("state").asText().equals("done");
                });
    }

    /** The pages' sign-in: a session cookie, and the CSRF token on writes. */
    private void sessionOfTheWebPages() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base() + "/login.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        remember(page.headers());
        assertThat(cookies).containsKey("XSRF-TOKEN");
        String form = "username=" + OFFICER + "&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(cookies.get("XSRF-TOKEN"), StandardCharsets.UTF_8);
        post("/login").body("application/x-www-form-urlencoded", "username=officer&password=x".getBytes(StandardCharsets.UTF_8)).expect(403);
        Exchange login = post("/login").body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)).expect(302);
        assertThat(login.header("Location")).doesNotContain("error");
        assertThat(cookies).containsKey("JSESSIONID");

        assertThat(get("/api/me").as("session").expect(200).text("name")).isEqualTo(OFFICER);
        get("/api/fiscal-years").as("session").expect(200);
        post("/api/initiatives").as("session").json(Api.line(2036, "9", "分類", "総務部", "画面から追加", 1000))
                .breaking("validation.request.security.missing").expect(403);
        post("/api/initiatives").as("session").header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                .json(Api.line(2036, "9", "分類", "総務部", "画面から追加", 1000)).expect(201);
        post("/logout").as("session").header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN")).expect(204);
        cookies.clear();
    }

    /** Lines with a 会計, side and 科目 path: added, shown, listed, moved to another 目, added by a supplementary budget, refused. */
    private void classifiedLines() {
        String subject = """
                {"kan": {"code": "2", "name": "総務費"}, "kou": {"code": "1", "name": "総務管理費"}, "moku": {"code": "1", "name": "一般管理費"},
                 "jigyou": null, "setsu": {"code": "2", "name": "給料"}}""";
        Exchange added = post("/api/initiatives").as(OFFICER).json("""
                {"fiscalYear": 2037, "categoryCode": "1", "categoryName": "分類", "department": "総務部", "name": "職員給与",
                 "amountYen": 1000, "reason": "当初予算", "accountCode": "1", "accountName": "一般会計", "side": "expenditure",
                 "subject": %s, "departmentCode": "0101"}""".formatted(subject)).expect(201);
        String line = added.text("id");
        long position = added.json().get("position").asLong();
        assertThat(get("/api/initiatives/" + line + "?minPosition=" + position).as(OFFICER).expect(200).json().at("/subject/setsu/name")
                .asText()).isEqualTo("給料");
        assertThat(get("/api/initiatives?fiscalYear=2037&minPosition=" + position).as(OFFICER).expect(200).json().get(0).get("side")
                .asText()).isEqualTo("expenditure");
        get("/api/initiatives/" + line + "/history").as(AUDITOR).expect(200);
        post("/api/initiatives/" + line + "/reassignments").as(OFFICER).json("""
                {"subject": {"kan": {"code": "2", "name": "総務費"}, "kou": {"code": "1", "name": "総務管理費"},
                 "moku": {"code": "2", "name": "文書広報費"}}, "reason": "目の組替え"}""").expect(200);
        post("/api/supplementary-budgets").as(OFFICER).json("""
                {"fiscalYear": 2037, "name": "補正第1号", "resolvedOn": "2037-06-20", "items": [{"department": "税務課", "name": "個人",
                 "categoryCode": "1", "categoryName": "分類", "amountYen": 500, "accountCode": "1", "accountName": "一般会計",
                 "side": "revenue", "subject": {"kan": {"code": "1", "name": "市税"}, "kou": {"code": "1", "name": "市民税"},
                 "moku": {"code": "1", "name": "個人"}}}], "partOfSet": true}""").expect(201);
        Exchange conflict = post("/api/initiatives").as(OFFICER).json("""
                {"fiscalYear": 2037, "categoryCode": "1", "categoryName": "分類", "department": "企画部", "name": "企画",
                 "amountYen": 1, "reason": "当初予算", "accountCode": "1", "accountName": "一般会計", "side": "expenditure",
                 "subject": {"kan": {"code": "2", "name": "総務費用"}, "kou": {"code": "1", "name": "総務管理費"},
                 "moku": {"code": "3", "name": "企画費"}}}""").expect(422);
        assertThat(conflict.text("rule")).isEqualTo("subject-name-conflict");
        post("/api/initiatives").as(OFFICER).json(Api.line(2037, "1", "分類", "総務部", "x", 1).replace("{", "{\"side\": \"sideways\", "))
                .expect(400);
    }

    /**
     * The approvals' operations with the shared test configuration, where nothing needs approval (ApprovalIT drafts, approves
     * and rejects with the packaged default): the lists, and the answers for a draft the ledger does not have.
     */
    private void approvals() {
        assertThat(get("/api/approvals").as("approver").expect(200).json().isArray()).isTrue();
        get("/api/approvals?state=pending&minPosition=1").as(OFFICER).expect(200);
        get("/api/approvals?state=maybe").as("approver").expect(400);
        get("/api/approvals/dr-none").as("approver").expect(404);
        get("/api/approvals/dr-none/history").as(OFFICER).expect(404);
        post("/api/approvals/dr-none/approve").as("approver").expect(404);
        post("/api/approvals/dr-none/reject").as("approver").json("{\"reason\":\"根拠不足\"}").expect(404);
        post("/api/approvals/dr-none/approve").as(OFFICER).expect(403);
    }

    /** The fiscal years' states, a refused and a forced close (with its tree head), a refused second close, a reopening approved. */
    private void fiscalYears() {
        post("/api/initiatives").as(OFFICER).json(Api.line(2049, "1", "分類", "総務部", "確定の契約試験", 1000)).expect(201);
        assertThat(get("/api/fiscal-years?asOf=2026-12-01").as("viewer").expect(200).json().isArray()).isTrue();
        get("/api/fiscal-years?asOf=someday").as("viewer").expect(400);
        assertThat(get("/api/fiscal-years/2049").as("viewer").expect(200).text("phase")).isEqualTo("open");
        post("/api/fiscal-years/2049/close").as("approver").json("{}").breaking("validation.request.body.schema.required").expect(400);
        post("/api/fiscal-years/2049/close").as(OFFICER).json("{\"reason\": \"確定\"}").expect(403);
        assertThat(post("/api/fiscal-years/2049/close").as("approver").json("{\"reason\": \"確定\"}").expect(409).text("rule"))
                .isEqualTo("fiscal-year-not-settled");
        Exchange closed = post("/api/fiscal-years/2049/close").as("approver").json("{\"reason\": \"確定\", \"force\": true}").expect(201);
        assertThat(closed.json().at("/treeHead/treeSize").asLong()).isPositive();
        post("/api/fiscal-years/2049/close").as("approver").json("{\"reason\": \"確定\", \"force\": true}").expect(409);
        get("/api/fiscal-years/2049?minPosition=" + closed.json().get("position").asLong()).as("viewer").expect(200);
        post("/api/fiscal-years/2049/reopen").as("approver").json("{}").breaking("validation.request.body.schema.required").expect(400);
        Exchange drafted = post("/api/fiscal-years/2049/reopen").as("approver").json("{\"reason\": \"訂正\"}").expect(202);
        post("/api/approvals/" + drafted.text("draftId") + "/approve").as("kacho").expect(200);
        assertThat(post("/api/fiscal-years/2049/reopen").as("approver").json("{\"reason\": \"訂正\"}").expect(409).text("rule"))
                .isEqualTo("fiscal-year-not-closed");
    }

    /** The 予算総則's clauses and barred 節, a transfer between 項 under a clause, a refused one, and a use of the 予備費. */
    private void transferRules() {
        String line = """
                {"fiscalYear": 2127, "department": "財政課", "name": "%s", "amountYen": %d, "reason": "当初予算", "accountCode": "1",
                 "accountName": "一般会計", "side": "expenditure", "subject": {"kan": {"code": "%s", "name": "%s"},
                 "kou": {"code": "%s", "name": "%s"}, "moku": {"code": "1", "name": "%s"}%s}}""";
        String salaries = post("/api/initiatives").as(OFFICER).json(line.formatted("給料", 1000, "2", "総務費", "1", "総務管理費", "一般管理費",
                ", \"setsu\": {\"code\": \"2\", \"name\": \"給料\"}")).expect(201).text("id");
        String allowances = post("/api/initiatives").as(OFFICER).json(line.formatted("職員手当等", 1000, "2", "総務費", "2", "徴税費", "税務総務費",
                ", \"setsu\": {\"code\": \"3\", \"name\": \"職員手当等\"}")).expect(201).text("id");
        String reserve = post("/api/initiatives").as(OFFICER).json(line.formatted("予備費", 1000, "14", "予備費", "1", "予備費", "予備費", ""))
                .expect(201).text("id");
        post("/api/general-provisions/2127/transfer-clauses").as(OFFICER).json("""
                {"accountCode": "1", "accountName": "一般会計", "article": "第5条", "text": "給料、職員手当等及び共済費の各項の間の流用",
                 "kan": {"code": "2", "name": "総務費"}, "setsus": [{"code": "2", "name": "給料"}, {"code": "3", "name": "職員手当等"}]}""")
                .expect(201);
        post("/api/general-provisions/2127/barred-setsu").as(OFFICER).json("""
                {"accountName": "一般会計", "setsu": {"code": "9", "name": "交際費"}, "reason": "交際費は流用により増額しない"}""").expect(201);
        assertThat(get("/api/general-provisions/2127").as(OFFICER).expect(200).json().at("/transferClauses/0/article").asText())
                .isEqualTo("第5条");
        String transfer = "{\"fromId\": \"%s\", \"toId\": \"%s\", \"amountYen\": 10, \"reason\": \"流用\"%s}";
        assertThat(post("/api/transfers").as(OFFICER).json(transfer.formatted(salaries, allowances, "")).expect(422).text("rule"))
                .isEqualTo("transfer-across-kou");
        assertThat(post("/api/transfers").as(OFFICER).json(transfer.formatted(salaries, allowances, ", \"clause\": \"第5条\""))
                .expect(201).text("level")).isEqualTo("kou");
        post("/api/reserve-fund-uses").as(OFFICER).json("""
                {"fromId": "%s", "toId": "%s", "amountYen": 100, "effectiveDate": "2127-08-01", "reason": "予備費充用"}"""
                .formatted(reserve, salaries)).expect(201);
        assertThat(post("/api/reserve-fund-uses").as(OFFICER).json("""
                {"fromId": "%s", "toId": "%s", "amountYen": 5000, "reason": "予備費充用"}""".formatted(reserve, salaries)).expect(422)
                .text("rule")).isEqualTo("reserve-fund-exceeded");
    }

    /** Bills on unclassified lines of 2128: submitted, shown, proposed, resolved as amended, refused; a 専決処分 and its report. */
    private void supplementaryBills() {
        String line = post("/api/initiatives").as(OFFICER).json(Api.line(2128, "1", "分類", "総務部", "事業", 10_000)).expect(201).text("id");
        Exchange submitted = post("/api/supplementary-budgets").as(OFFICER).json("""
                {"fiscalYear": 2128, "name": "9月補正", "procedure": "assembly", "submittedOn": "2128-09-01", "billNumber": "議案第50号",
                 "items": [{"initiativeId": "%s", "deltaYen": 1000}]}""".formatted(line)).expect(201);
        assertThat(submitted.text("title")).isEqualTo("令和110年度補正予算（第1号）");
        long position = submitted.json().get("position").asLong();
        String bill = submitted.text("id");
        assertThat(get("/api/totals?fiscalYear=2128&stage=proposed&minPosition=" + position).as(OFFICER).expect(200).json()
                .get("totalYen").asLong()).isEqualTo(11_000);
        assertThat(get("/api/supplementary-budgets/" + bill + "?minPosition=" + position).as(OFFICER).expect(200).text("state"))
                .isEqualTo("submitted");
        post("/api/supplementary-budgets/" + bill + "/resolutions").as(OFFICER).json("""
                {"outcome": "amended", "resolvedOn": "2128-09-25", "items": [{"initiativeId": "%s", "deltaYen": 500}]}""".formatted(line))
                .expect(201);
        assertThat(post("/api/supplementary-budgets/" + bill + "/resolutions").as(OFFICER)
                .json("{\"outcome\": \"rejected\", \"resolvedOn\": \"2128-09-26\"}").expect(409).text("rule")).isEqualTo("bill-not-submitted");
        Exchange senketsu = post("/api/supplementary-budgets").as(OFFICER).json("""
                {"fiscalYear": 2128, "name": "専決第1号", "procedure": "senketsu", "decidedOn": "2128-05-01",
                 "items": [{"initiativeId": "%s", "deltaYen": 200}]}""".formatted(line)).expect(201);
        post("/api/supplementary-budgets/" + senketsu.text("id") + "/assembly-reports").as(OFFICER)
                .json("{\"outcome\": \"disapproved\", \"on\": \"2128-06-20\"}").expect(201);
        get("/api/supplementary-budgets/sb-none").as(OFFICER).expect(404);
        assertThat(get("/api/supplementary-budgets/" + bill + "/summary").as(OFFICER).expect(200).text("title"))
                .isEqualTo("令和110年度補正予算（第1号） 第1表 歳入歳出予算補正");
        assertThat(get("/api/supplementary-budgets/" + bill + "/summary?format=pdf").as(OFFICER).expect(200).header("Content-Type"))
                .startsWith("application/pdf");
        get("/api/supplementary-budgets/sb-none/summary").as(OFFICER).expect(404);
        post("/api/supplementary-budgets/sb-none/assembly-reports").as(OFFICER).json("{\"outcome\": \"approved\", \"on\": \"2128-06-20\"}")
                .expect(404);
    }

    /**
     * A 繰越明許費 limit (If-Match, a stale one), a carry within it into 2059, one above it, a 事故繰越し without its reason, and the
     * documents; a line of 2218 added with its limit, one with a limit above its amount, and a 補正 item that sets a limit.
     */
    private void carryovers() {
        Exchange added = post("/api/initiatives").as(OFFICER).json("""
                {"fiscalYear": 2058, "department": "建設課", "name": "橋りょう長寿命化", "amountYen": 9000000, "reason": "当初予算",
                 "accountCode": "1", "accountName": "一般会計", "side": "expenditure", "subject": {"kan": {"code": "8", "name": "土木費"},
                 "kou": {"code": "2", "name": "道路橋りょう費"}, "moku": {"code": "3", "name": "橋りょう維持費"}}}""").expect(201);
        String line = added.text("id");
        Exchange limit = put("/api/initiatives/" + line + "/carryover-limit").as(OFFICER).header("If-Match", "\"0\"")
                .json("{\"limitYen\": 5000000, \"reason\": \"第2表 繰越明許費\", \"basis\": \"initial\"}").expect(200);
        assertThat(limit.header("ETag")).isEqualTo("\"1\"");
        put("/api/initiatives/" + line + "/carryover-limit").as(OFFICER).header("If-Match", "\"0\"")
                .json("{\"limitYen\": 4000000, \"reason\": \"変更\"}").expect(412);
        assertThat(put("/api/initiatives/" + line + "/carryover-limit").as(OFFICER)
                .json("{\"limitYen\": 4000000, \"reason\": \"補正\", \"supplementaryBudgetId\": \"sb-none\"}").expect(422).text("rule"))
                .isEqualTo("unknown-supplementary-budget");
        put("/api/initiatives/in-none/carryover-limit").as(OFFICER).json("{\"limitYen\": 1, \"reason\": \"x\"}").expect(422);
        Exchange carried = post("/api/carryovers").as(OFFICER).json("""
                {"kind": "explicit", "fromId": "%s", "amountYen": 3000000, "funding": {"bondsYen": 2000000, "generalYen": 1000000},
                 "reason": "工期の延長", "decidedOn": "2059-03-20"}""".formatted(line)).expect(201);
        long position = carried.json().get("position").asLong();
        assertThat(get("/api/initiatives/" + carried.text("carriedLineId") + "?minPosition=" + position).as(OFFICER).expect(200).json()
                .at("/carriedFrom/initiativeId").asText()).isEqualTo(line);
        assertThat(post("/api/carryovers").as(OFFICER).json("""
                {"kind": "explicit", "fromId": "%s", "amountYen": 2000001, "reason": "超過"}""".formatted(line)).expect(422).text("rule"))
                .isEqualTo("carryover-limit-exceeded");
        post("/api/carryovers").as(OFFICER).json("""
                {"kind": "accident", "fromId": "%s", "amountYen": 1, "reason": "事故"}""".formatted(line)).expect(400);
        post("/api/carryovers").as(OFFICER).json("""
                {"kind": "sideways", "fromId": "%s", "amountYen": 1, "reason": "x"}""".formatted(line))
                .breaking("validation.request.body.schema.enum").expect(400);
        assertThat(get("/api/reports/carryovers?fiscalYear=2058&minPosition=" + position).as(OFFICER).expect(200).json()
                .at("/statements/0/accounts/0/amountYen").asLong()).isEqualTo(3_000_000);
        assertThat(get("/api/reports/carryovers?fiscalYear=2058&kind=explicit&format=csv").as(OFFICER).expect(200).header("Content-Type"))
                .startsWith("text/csv");
        get("/api/reports/carryovers?fiscalYear=2058&account=1&format=xlsx").as(OFFICER).expect(200);
        get("/api/reports/carryovers?fiscalYear=2058&format=docx").as(OFFICER).breaking("validation.request.parameter.schema.enum").expect(400);
        assertThat(get("/api/reports/carryover-limits?fiscalYear=2058&minPosition=" + position).as(OFFICER).expect(200).json()
                .at("/accounts/0/rows/0/basis").asText()).isEqualTo("当初");
        get("/api/reports/carryover-limits?fiscalYear=2058&format=csv").as(OFFICER).expect(200);
        get("/api/reports/carryover-limits?fiscalYear=2058&format=xlsx").as(OFFICER).expect(200);

        String withLimit = post("/api/initiatives").as(OFFICER).json("""
                {"fiscalYear": 2218, "department": "建設課", "name": "橋りょう点検", "amountYen": 4000000, "reason": "当初予算",
                 "carryoverLimitYen": 1000000, "accountCode": "1", "accountName": "一般会計", "side": "expenditure",
                 "subject": {"kan": {"code": "8", "name": "土木費"}, "kou": {"code": "2", "name": "道路橋りょう費"},
                 "moku": {"code": "3", "name": "橋りょう維持費"}}}""").expect(201).text("id");
        assertThat(post("/api/initiatives").as(OFFICER).json(Api.line(2218, "1", "分類", "建設課", "限度超過", 10)
                .replaceFirst("\\}\\s*$", ", \"carryoverLimitYen\": 11}")).expect(422).text("rule")).isEqualTo("carryover-limit-above-amount");
        post("/api/supplementary-budgets").as(OFFICER).json("""
                {"fiscalYear": 2218, "name": "9月補正", "resolvedOn": "2218-09-30", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 500000, "carryoverLimitYen": 4500000}]}""".formatted(withLimit)).expect(201);
    }

    /** A 債務負担行為 of 2164: set, amended and abolished by an enacted supplementary budget, refused ones, read, and its 調書. */
    private void debtCommitments() {
        String line = post("/api/initiatives").as(OFFICER).json(Api.line(2164, "1", "分類", "企画部", "債務負担の年度の事業", 10_000))
                .expect(201).text("id");
        String budget = post("/api/supplementary-budgets").as(OFFICER).json("""
                {"fiscalYear": 2164, "name": "9月補正", "resolvedOn": "2164-09-25", "reason": "補正",
                 "items": [{"initiativeId": "%s", "deltaYen": 500}]}""".formatted(line)).expect(201).text("id");
        Exchange set = post("/api/debt-commitments").as(OFFICER).json("""
                {"fiscalYear": 2164, "matter": "学校給食センター運営委託", "accountCode": "1", "accountName": "一般会計",
                 "department": "企画部", "periodFrom": 2165, "periodTo": 2169, "limitYen": 120000000, "basis": "initial",
                 "reason": "当初予算", "reference": "議案第10号"}""").expect(201);
        String id = set.text("id");
        post("/api/debt-commitments").as(OFFICER).json("""
                {"fiscalYear": 2164, "matter": "x", "accountName": "一般会計", "periodFrom": 2165, "periodTo": 2166, "limitYen": 1,
                 "supplementaryBudgetId": "sb-none", "reason": "補正"}""").expect(422);
        post("/api/debt-commitments").as(OFFICER).json("{\"fiscalYear\": 2164}").breaking("validation.request.body.schema.required")
                .expect(400);
        post("/api/debt-commitments/" + id + "/amendments").as(OFFICER).json("""
                {"supplementaryBudgetId": "%s", "limitText": "1億5,000万円に消費税及び地方消費税の額を加えた額", "periodTo": 2170,
                 "reason": "9月補正"}""".formatted(budget)).expect(201);
        post("/api/debt-commitments/dc-none/amendments").as(OFFICER).json("""
                {"supplementaryBudgetId": "%s", "limitYen": 1, "reason": "9月補正"}""".formatted(budget)).expect(404);
        Exchange abolished = post("/api/debt-commitments/" + id + "/abolitions").as(OFFICER)
                .json("{\"supplementaryBudgetId\": \"%s\", \"reason\": \"廃止\"}".formatted(budget)).expect(201);
        post("/api/debt-commitments/" + id + "/abolitions").as(OFFICER)
                .json("{\"supplementaryBudgetId\": \"%s\", \"reason\": \"廃止\"}".formatted(budget)).expect(409);
        long position = abolished.json().get("position").asLong();
        assertThat(get("/api/debt-commitments?fiscalYear=2165&minPosition=" + position).as(OFFICER).expect(200).json().get(0)
                .get("state").asText()).isEqualTo("abolished");
        get("/api/debt-commitments/" + id + "?asOf=yesterday").as("viewer").expect(400);
        assertThat(get("/api/debt-commitments/" + id).as("viewer").expect(200).json().get("history")).hasSize(3);
        get("/api/debt-commitments/dc-none").as(OFFICER).expect(404);
        get("/api/reports/debt-commitments?fiscalYear=2165").as(OFFICER).expect(200);
        assertThat(get("/api/reports/debt-commitments?fiscalYear=2165&format=csv").as(OFFICER).expect(200).header("Content-Type"))
                .startsWith("text/csv");
        get("/api/reports/debt-commitments?fiscalYear=2165&format=xlsx").as(OFFICER).expect(200);
    }

    /** A 継続費 of 2111–2112: set, refused when its shares do not sum, carried forward, listed, shown and reported. */
    private void continuingExpenses() {
        String body = """
                {"fiscalYear": 2111, "name": "庁舎改築事業", "department": "総務部", "accountName": "一般会計", "side": "expenditure",
                 "subject": {"kan": {"code": "2", "name": "総務費"}, "kou": {"code": "1", "name": "総務管理費"}, "moku": {"code": "5", "name": "庁舎建設費"}},
                 "totalYen": %d, "shares": [{"fiscalYear": 2111, "amountYen": 100}, {"fiscalYear": 2112, "amountYen": 500}],
                 "reason": "継続費"}""";
        assertThat(post("/api/continuing-expenses").as(OFFICER).json(body.formatted(601)).expect(422).text("rule"))
                .isEqualTo("continuing-shares-do-not-sum");
        Exchange registered = post("/api/continuing-expenses").as(OFFICER).json(body.formatted(600)).expect(201);
        String id = registered.text("id");
        long position = post("/api/continuing-expenses/" + id + "/carry-forward").as(OFFICER)
                .json("{\"fromYear\": 2111, \"amountYen\": 50, \"reason\": \"逓次繰越\"}").expect(201).json().get("position").asLong();
        assertThat(post("/api/continuing-expenses/" + id + "/carry-forward").as(OFFICER)
                .json("{\"fromYear\": 2112, \"amountYen\": 1, \"reason\": \"逓次繰越\"}").expect(422).text("rule"))
                .isEqualTo("continuing-carry-from-last-year");
        assertThat(get("/api/continuing-expenses?fiscalYear=2112&minPosition=" + position).as(OFFICER).expect(200).json().size()).isEqualTo(1);
        assertThat(get("/api/continuing-expenses/" + id + "?minPosition=" + position).as(OFFICER).expect(200).text("name"))
                .isEqualTo("庁舎改築事業");
        assertThat(get("/api/reports/continuing-expenses?fiscalYear=2112&minPosition=" + position).as(OFFICER).expect(200).json()
                .at("/continuingExpenses/0/carriedIntoYearYen").asLong()).isEqualTo(50);
        assertThat(get("/api/reports/continuing-expenses?fiscalYear=2112&format=csv").as(OFFICER).expect(200).header("Content-Type"))
                .startsWith("text/csv");
        assertThat(get("/api/reports/continuing-expenses?fiscalYear=2112&format=xlsx").as(OFFICER).expect(200).header("Content-Type"))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private void errorsAndRetries() {
        get("/api/me").as("viewer").expect(200);
        get("/api/fiscal-years").as("viewer").expect(200);
        get("/actuator/info").as("viewer").expect(200);
        get("/api/reports/betsu?fiscalYear=2036&format=text").as("viewer").expect(200);
        get("/api/audit/digest?position=3").as(AUDITOR).expect(200);
        post("/api/audit/verify").as(AUDITOR).json("{}").expect(200);

        Exchange imported = post("/api/imports?fiscalYear=2022").as(OFFICER).body("text/plain", betsu()).expect(201);
        assertThat(imported.json().get("added").asInt()).isEqualTo(16);
        post("/api/imports?fiscalYear=2022").as(OFFICER).body("text/plain", betsu()).expect(200);
        byte[] broken = new String(betsu(), StandardCharsets.UTF_8).replace("小計\t\t210,321", "小計\t\t210,322").getBytes(StandardCharsets.UTF_8);
        assertThat(post("/api/imports?fiscalYear=2023").as(OFFICER).body("text/plain", broken).expect(422).json().get("report").isObject())
                .isTrue();
        post("/api/imports?fiscalYear=2023").as(OFFICER).body("text/plain", new byte[0]).expect(400);
        byte[] csv = "年度,会計,歳入歳出,款,項,目,所属,予算額\nR7,一般会計,歳出,1 議会費,1 議会費,1 議会費,議会事務局,\"1,000\"\n"
                .getBytes(StandardCharsets.UTF_8);
        post("/api/imports/budget-csv?dryRun=true").as(OFFICER).body("text/csv", csv).expect(200);
        assertThat(post("/api/imports/budget-csv?fileName=r7.csv").as(OFFICER).body("text/csv", csv).expect(201).json().get("totalYen")
                .asLong()).isEqualTo(1000);
        assertThat(post("/api/imports/budget-csv?expectedTotalYen=1").as(OFFICER).body("text/csv", csv).expect(422).json().get("report")
                .isObject()).isTrue();
        post("/api/imports/budget-csv?unit=man").as(OFFICER).body("text/csv", csv).expect(400);

        // 400: bad input the document allows but the service refuses, and input the document already refuses
        Exchange added = post("/api/initiatives").as(OFFICER).json(Api.line(2038, "1", "分類", "総務部", "契約試験", 1000)).expect(201);
        String line = added.text("id");
        post("/api/initiatives/" + line + "/amendments").as(OFFICER).json("{\"newAmountYen\":1,\"deltaYen\":1,\"reason\":\"両方\"}").expect(400);
        post("/api/initiatives/" + line + "/amendments").as(OFFICER).header("If-Match", "not-a-version")
                .json("{\"deltaYen\":1,\"reason\":\"増額\"}").expect(400);
        get("/api/totals?fiscalYear=abc").as(OFFICER).breaking("validation.request.parameter.schema.type").expect(400);
        post("/api/initiatives").as(OFFICER).json("{\"fiscalYear\":2038}").breaking("validation.request.body.schema.required").expect(400);
        post("/api/admin/projections/nope/rebuild").as(ADMIN).expect(400);
        get("/api/audit/events?size=501").as(AUDITOR).expect(400);
        get("/api/audit/tree-head?treeSize=999999").as(AUDITOR).expect(404);
        get("/api/audit/proofs/inclusion?position=999999").as(AUDITOR).expect(400);
        get("/api/audit/proofs/consistency?from=3&to=2").as(AUDITOR).expect(400);
        get("/api/audit/proofs/consistency?from=0&to=999999").as(AUDITOR).expect(400);
        get("/api/audit/tree-leaves?treeSize=999999").as(AUDITOR).expect(400);
        post("/api/audit/verify").as(AUDITOR).json("{\"treeHead\": {\"treeSize\": 1}}").expect(400);
        get("/api/reports/betsu?fiscalYear=2036&format=docx").as(OFFICER).breaking("validation.request.parameter.schema.enum").expect(400);

        // 401, 403
        get("/api/totals?fiscalYear=2036").breaking("validation.request.security.missing").expect(401);
        get("/api/totals?fiscalYear=2036").as(OFFICER).password("wrong").expect(401);
        get("/actuator/prometheus").as("viewer").expect(403);
        get("/api/audit/events").as("viewer").expect(403);
        post("/api/initiatives").as("viewer").json(Api.line(2038, "1", "分類", "総務部", "閲覧者", 1000)).expect(403);
        assertThat(post("/api/initiatives").as("soumu-officer").json(Api.line(2038, "4", "分類", "出納局", "他部局", 1000)).expect(403)
                .text("type")).endsWith("department-forbidden");

        // 404, 409, 412, 503
        String unknown = UUID.randomUUID().toString();
        get("/api/initiatives/" + unknown).as(OFFICER).expect(404);
        get("/api/initiatives/" + unknown + "/history").as(AUDITOR).expect(404);
        post("/api/initiatives/" + unknown + "/amendments").as(OFFICER).json("{\"deltaYen\":1,\"reason\":\"増額\"}").expect(404);
        post("/api/transfers").as(OFFICER).json("{\"fromId\":\"%s\",\"toId\":\"%s\",\"amountYen\":1,\"reason\":\"流用\"}"
                .formatted(unknown, line)).expect(422);
        assertThat(post("/api/initiatives").as(OFFICER).json(Api.line(2038, "1", "分類", "総務部", "契約試験", 1000)).expect(409)
                .text("existingId")).isEqualTo(line);
        String etag = get("/api/initiatives/" + line + "?minPosition=" + added.json().get("position").asLong()).as(OFFICER).expect(200)
                .header("ETag");
        post("/api/initiatives/" + line + "/amendments").as(OFFICER).header("If-Match", etag)
                .json("{\"deltaYen\":1,\"reason\":\"増額\"}").expect(200);
        Exchange stale = post("/api/initiatives/" + line + "/revisions").as(OFFICER).header("If-Match", etag)
                .json("{\"summary\":\"古い版\",\"reason\":\"改訂\"}").expect(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        Exchange behind = get("/api/totals?fiscalYear=2038&minPosition=999999999").as(OFFICER).expect(503);
        assertThat(behind.header("Retry-After")).isEqualTo("1");

        // Idempotency-Key: the first response again, marked; the same key for another request is 422; a malformed key 400
        String key = "contract-" + UUID.randomUUID();
        String body = Api.line(2038, "2", "分類", "総務部", "再送される事業", 5000);
        Exchange once = post("/api/initiatives").as(OFFICER).header("Idempotency-Key", key).json(body).expect(201);
        Exchange again = post("/api/initiatives").as(OFFICER).header("Idempotency-Key", key).json(body).expect(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text("id")).isEqualTo(once.text("id"));
        post("/api/initiatives").as(OFFICER).header("Idempotency-Key", key).json(body.replace("5000", "6000")).expect(422);
        post("/api/initiatives").as(OFFICER).header("Idempotency-Key", "x".repeat(201)).json(body)
                .breaking("validation.request.parameter.schema.pattern").expect(400);
    }

    private Exchange send(Call call) {
        URI uri = URI.create(base() + call.target);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(call.method, call.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body));
        Map<String, String> headers = new LinkedHashMap<>(call.headers);
        if (call.contentType != null) {
            headers.put("Content-Type", call.contentType);
        }
        if ("session".equals(call.user)) {
            headers.put("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        } else if (call.user != null) {
            headers.put("Authorization", ServedApiDocument.basic(call.user, call.password));
        } else if (!cookies.isEmpty()) {
            headers.put("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        headers.forEach(http::header);
        Exchange exchange;
        try {
            HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange = new Exchange(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        remember(exchange.headers());
        SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
        exchange.headers().map().forEach(response::withHeader);
        if (exchange.body().length > 0) {
            response.withBody(exchange.body());
        }
        SimpleRequest request = ServedApiDocument.request(call.method, uri, headers, call.body).build();
        String what = call.method + " " + call.target + " -> " + exchange.status();
        assertThat(ServedApiDocument.keys(validator.validateRequest(request))).as("request violations of %s: %s", what,
                validator.validateRequest(request).getMessages()).isEqualTo(call.expectedRequestViolations);
        ValidationReport responseReport = validator.validateResponse(uri.getRawPath(), Request.Method.valueOf(call.method), response.build());
        assertThat(responseReport.getMessages()).as("response violations of %s", what).isEmpty();
        exercised.add(document.operation(call.method, uri.getRawPath()));
        return exchange;
    }

    private void remember(java.net.http.HttpHeaders headers) {
        for (String cookie : headers.allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private byte[] betsu() {
        try (var in = getClass().getResourceAsStream(BETSU)) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
