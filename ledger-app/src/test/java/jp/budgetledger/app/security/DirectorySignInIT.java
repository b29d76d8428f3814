package jp.budgetledger.app.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.security.directory.DirectorySignIn;
import jp.budgetledger.app.security.directory.LdapSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in against a real directory: UnboundID's in-memory LDAP server loaded from {@code ldap/ledger.ldif} (users, a
 * group per role and per department), the ledger started with {@code ledger.security.ldap} pointing at it behind a
 * first URL where nothing listens (failover) and searching as a bind user. Roles and departments come from the groups
 * (and the {@code departmentNumber} attribute) at each sign-in; the actor on an event is the directory's user name.
 * Its own database: fiscal years 2198 and 2199 (FiscalYear.MAX is 2200).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectorySignInIT {

    private static final Path DATA_DIR = LedgerIT.newDataDirectory("ledger-ldap-it-");
    private static final String BASE = "dc=example,dc=jp";
    private static final InMemoryDirectoryServer DIRECTORY = start();
    private static final int DEAD_PORT = freePort();

    @LocalServerPort
    int port;

    private static InMemoryDirectoryServer start() {
        try (InputStream ldif = DirectorySignInIT.class.getResourceAsStream("/ldap/ledger.ldif")) {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.importFromLDIF(true, new LDIFReader(ldif));
            server.startListening();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("test directory", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url() {
        return "ldap://127.0.0.1:" + DIRECTORY.getListenPort();
    }

    @DynamicPropertySource
    static void ledgerProperties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        registry.add("ledger.approval.required-for", () -> "transfer");
        registry.add("ledger.security.ldap.urls[0]", () -> "ldap://127.0.0.1:" + DEAD_PORT);
        registry.add("ledger.security.ldap.urls[1]", DirectorySignInIT::url);
        registry.add("ledger.security.ldap.base-dn", () -> BASE);
        registry.add("ledger.security.ldap.bind-dn", () -> "uid=ledger-svc,ou=services," + BASE);
        registry.add("ledger.security.ldap.bind-password", () -> "svc-secret");
        registry.add("ledger.security.ldap.user-search-base", () -> "ou=people");
        registry.add("ledger.security.ldap.group-search-base", () -> "ou=groups");
        registry.add("ledger.security.ldap.role-groups[ledger-officers]", () -> "OFFICER");
        registry.add("ledger.security.ldap.role-groups[cn=ledger-auditors,ou=groups,dc=example,dc=jp]", () -> "AUDITOR");
        registry.add("ledger.security.ldap.role-groups[ledger-viewers]", () -> "VIEWER");
        registry.add("ledger.security.ldap.role-groups[ledger-admins]", () -> "ADMIN,AUDITOR");
        registry.add("ledger.security.ldap.role-groups[ledger-approvers]", () -> "APPROVER");
        registry.add("ledger.security.ldap.department-groups[dept-soumu]", () -> "総務部");
        registry.add("ledger.security.ldap.department-groups[dept-all]", () -> "*");
        registry.add("ledger.security.ldap.department-attribute", () -> "departmentNumber");
        registry.add("ledger.security.lockout.max-failures", () -> "3");
    }

    @AfterAll
    static void stop() {
        DIRECTORY.shutDown(true);
    }

    private Api as(String user) {
        return new Api(port, user, user.toLowerCase(java.util.Locale.ROOT) + "-pw");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void rolesDepartmentsAndDisplayNameComeFromTheDirectory() {
        Api.Response tanaka = as("tanaka").get("/api/me");
        assertThat(tanaka.status()).as(tanaka.raw()).isEqualTo(200);
        assertThat(tanaka.text("name")).isEqualTo("tanaka");
        assertThat(tanaka.text("displayName")).isEqualTo("田中 一郎");
        assertThat(texts(tanaka.body().path("roles"))).containsExactly("AUDITOR", "OFFICER");
        assertThat(texts(tanaka.body().path("departments"))).containsExactly("総務部");

        Api.Response sato = as("sato").get("/api/me");
        assertThat(texts(sato.body().path("roles"))).containsExactly("OFFICER");
        assertThat(texts(sato.body().path("departments"))).as("from departmentNumber").containsExactly("出納局");

        Api.Response ito = as("ito").get("/api/me");
        assertThat(texts(ito.body().path("roles"))).containsExactly("ADMIN", "AUDITOR");
        assertThat(as("ito").get("/api/admin/projections").status()).isEqualTo(200);

        Api suzuki = as("suzuki");
        assertThat(texts(suzuki.get("/api/me").body().path("roles"))).containsExactly("VIEWER");
        assertThat(suzuki.get("/api/fiscal-years").status()).isEqualTo(200);
        assertThat(suzuki.post("/api/initiatives", line(2198, "1", "分類1", "総務部", "閲覧者の事業", 1_000)).status()).isEqualTo(403);
    }

    @Test
    void theActorOfAnEventIsTheDirectoryUserWithTheDisplayNameBeside() {
        Api.Response added = as("Tanaka").post("/api/initiatives", line(2198, "1", "分類1", "総務部", "ディレクトリの事業", 1_200_000));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        Api.Response history = as("kato").get("/api/initiatives/" + added.text("id") + "/history");
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        JsonNode first = history.body().get(0);
        assertThat(first.path("actor").asText()).as("the uid, not the name as typed").isEqualTo("tanaka");
        assertThat(first.path("actorName").asText()).isEqualTo("田中 一郎");
        Api.Response audit = as("kato").get("/api/audit/events?fiscalYear=2198&actor=tanaka&minPosition=" + added.number("position"));
        assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
        JsonNode logged = audit.body().path("items").get(0);
        assertThat(logged.path("actor").asText()).isEqualTo("tanaka");
        assertThat(logged.path("actorName").asText()).as("the audit log keeps the display name beside").isEqualTo("田中 一郎");

        Api.Response elsewhere = as("tanaka").post("/api/initiatives", line(2198, "1", "分類1", "出納局", "他部局の事業", 1_000));
        assertThat(elsewhere.status()).as("tanaka's groups give 総務部 only").isEqualTo(403);
        Api.Response own = as("sato").post("/api/initiatives", line(2198, "1", "分類1", "出納局", "出納局の事業", 1_000));
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
    }

    @Test
    void anApprovedChangeIsTheRequestersWithTheRequestersDisplayName() {
        String from = as("tanaka").post("/api/initiatives", line(2198, "1", "分類1", "総務部", "流用元", 900_000)).text("id");
        String to = as("tanaka").post("/api/initiatives", line(2198, "1", "分類1", "総務部", "流用先", 100_000)).text("id");
        Api.Response drafted = as("tanaka").post("/api/transfers",
                "{\"fromId\": \"%s\", \"toId\": \"%s\", \"amountYen\": 300000, \"reason\": \"流用（起案）\", \"reference\": \"起案第9号\"}"
                        .formatted(from, to));
        assertThat(drafted.status()).as(drafted.raw()).isEqualTo(202);
        Api.Response kacho = as("kacho").get("/api/me");
        assertThat(texts(kacho.body().path("roles"))).containsExactly("APPROVER");
        assertThat(texts(kacho.body().path("departments"))).as("the * group: every department").isEmpty();
        Api.Response approved = as("kacho").post("/api/approvals/" + drafted.text("draftId") + "/approve", "");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);

        JsonNode history = as("kato").get("/api/initiatives/" + from + "/history?minPosition=" + approved.number("position")).body();
        JsonNode transfer = history.get(history.size() - 1);
        assertThat(transfer.path("actor").asText()).isEqualTo("tanaka");
        assertThat(transfer.path("actorName").asText()).as("the requester's, not the approver's").isEqualTo("田中 一郎");
        assertThat(transfer.path("approvedBy").asText()).isEqualTo("kacho");
        JsonNode draft = as("kacho").get("/api/approvals/" + drafted.text("draftId") + "/history").body();
        assertThat(draft.get(draft.size() - 1).path("actorName").asText()).as("the approval itself is the approver's").isEqualTo("財政 課長");
    }

    @Test
    void aUserInNoMappedGroupOrAnOfficerWithoutDepartmentIsRefusedAsABadPasswordIs() {
        Api.Response badPassword = new Api(port, "suzuki", "wrong").get("/api/me");
        Api.Response noGroup = as("nomura").get("/api/me");
        Api.Response noDepartment = as("ono").get("/api/me");
        Api.Response unknown = new Api(port, "nobody-here", "whatever").get("/api/me");
        Api.Response emptyPassword = new Api(port, "suzuki", "").get("/api/me");
        for (Api.Response response : List.of(badPassword, noGroup, noDepartment, unknown, emptyPassword)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("type").asText()).isEqualTo(badPassword.body().path("type").asText());
            assertThat(response.body().path("errors")).isEqualTo(badPassword.body().path("errors"));
        }
    }

    @Test
    void aGroupChangeTakesEffectAtTheNextSignIn() throws Exception {
        Api mover = as("mover");
        assertThat(texts(mover.get("/api/me").body().path("roles"))).containsExactly("VIEWER");
        assertThat(mover.post("/api/initiatives", line(2199, "1", "分類1", "総務部", "異動前", 1_000)).status()).isEqualTo(403);
        String dn = "uid=mover,ou=people," + BASE;
        DIRECTORY.modify("cn=ledger-officers,ou=groups," + BASE, new Modification(ModificationType.ADD, "member", dn));
        DIRECTORY.modify("cn=dept-soumu,ou=groups," + BASE, new Modification(ModificationType.ADD, "member", dn));
        DIRECTORY.modify("cn=ledger-viewers,ou=groups," + BASE, new Modification(ModificationType.DELETE, "member", dn));
        Api.Response moved = mover.get("/api/me");
        assertThat(texts(moved.body().path("roles"))).containsExactly("OFFICER");
        assertThat(texts(moved.body().path("departments"))).containsExactly("総務部");
        assertThat(mover.post("/api/initiatives", line(2199, "1", "分類1", "総務部", "異動後", 1_000)).status()).isEqualTo(201);

        DIRECTORY.modify("cn=ledger-officers,ou=groups," + BASE, new Modification(ModificationType.DELETE, "member", dn));
        assertThat(mover.get("/api/me").status()).as("no mapped group left").isEqualTo(401);
    }

    @Test
    void theLoginPageSignsInADirectoryUser() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();

        HttpResponse<String> wrong = browser.send(login(base, token, "kato", "wrong"), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login.html?error");

        HttpResponse<String> signedIn = browser.send(login(base, token, "kato", "kato-pw"), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"kato\"").contains("加藤 花子").contains("AUDITOR");
    }

    private static HttpRequest login(String base, String token, String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    @Test
    void anAccountIsLockedAfterTooManyFailuresWithTheAnswerOfABadPassword() {
        Logger security = (Logger) LoggerFactory.getLogger("jp.budgetledger.security");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        security.addAppender(logged);
        try {
            Api good = as("yamamoto");
            Api bad = new Api(port, "yamamoto", "guess");
            assertThat(good.get("/api/me").status()).isEqualTo(200);
            Api.Response first = bad.get("/api/me");
            assertThat(bad.get("/api/me").status()).isEqualTo(401);
            assertThat(bad.get("/api/me").status()).isEqualTo(401);
            Api.Response locked = good.get("/api/me");
            assertThat(locked.status()).as("the right password, but locked").isEqualTo(401);
            assertThat(locked.body()).isEqualTo(first.body());
            assertThat(new Api(port, "YAMAMOTO", "yamamoto-pw").get("/api/me").status()).as("names without regard to case").isEqualTo(401);

            Api nobody = new Api(port, "no-such-user", "guess");
            for (int i = 0; i < 3; i++) {
                assertThat(nobody.get("/api/me").body()).isEqualTo(first.body());
            }
            assertThat(nobody.get("/api/me").body()).as("an unknown name locks as a known one, saying nothing").isEqualTo(first.body());
            assertThat(as("suzuki").get("/api/me").status()).as("other users are not locked").isEqualTo(200);
        } finally {
            security.detachAppender(logged);
        }
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("Signed in yamamoto (山本 五郎) from the directory with ROLE_VIEWER [request "));
        assertThat(lines).anyMatch(l -> l.startsWith("Sign-in of yamamoto locked for PT15M after 3 failed sign-ins"));
        assertThat(lines).anyMatch(l -> l.startsWith("Sign-in of YAMAMOTO refused: locked") && !l.endsWith("[request none]"));
        assertThat(lines).anyMatch(l -> l.startsWith("Sign-in of no-such-user locked"));
    }

    @Test
    void aMisconfiguredDirectoryStopsTheStartWithAClearMessage() {
        Map<String, List<Role>> roles = Map.of("ledger-viewers", List.of(Role.VIEWER));
        assertThatThrownBy(() -> DirectorySignIn.provider(settings(List.of(), "uid=ledger-svc,ou=services," + BASE, "svc-secret", roles)))
                .hasMessageContaining("no directory URL");
        assertThatThrownBy(() -> DirectorySignIn.provider(settings(List.of("ldap://127.0.0.1:" + DEAD_PORT), null, null, roles)))
                .hasMessageContaining("cannot connect to the directory ldap://127.0.0.1:" + DEAD_PORT);
        assertThatThrownBy(() -> DirectorySignIn.provider(settings(List.of(url()), "uid=ledger-svc,ou=services," + BASE, "wrong", roles)))
                .hasMessageContaining("cannot connect to the directory").hasMessageContaining("as uid=ledger-svc,ou=services," + BASE);
        assertThatThrownBy(() -> DirectorySignIn.provider(settings(List.of(url()), "uid=ledger-svc,ou=services," + BASE, "svc-secret", Map.of())))
                .hasMessageContaining("role-groups");
        assertThat(DirectorySignIn.provider(settings(List.of(url()), "uid=ledger-svc,ou=services," + BASE, "svc-secret", roles))).isNotNull();
    }

    private static LdapSettings settings(List<String> urls, String bindDn, String password, Map<String, List<Role>> roles) {
        return new LdapSettings(LdapSettings.Mode.LDAP, urls, BASE, null, "ou=people", null, null, null, bindDn, password, false,
                null, null, null, "ou=groups", null, roles, Map.of(), null, Duration.ofSeconds(2), null);
    }
}
