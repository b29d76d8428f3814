package jp.budgetledger.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jp.budgetledger.app.LedgerIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through OpenID Connect against a test issuer served here (its discovery document, JWK set, authorization and
 * token endpoints; RSA keys made by the test): bearer JWTs on the API with roles and departments from claims, refused
 * when signed by another key, expired, for another audience or giving no role; and the pages' authorization-code
 * login. Its own database: fiscal year 2197 (FiscalYear.MAX is 2200).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInIT {

    private static final Path DATA_DIR = LedgerIT.newDataDirectory("ledger-oidc-it-");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RSAKey KEY = key();
    private static final RSAKey OTHER_KEY = key();
    private static final Map<String, Map<String, Object>> CODES = new ConcurrentHashMap<>();
    private static volatile Map<String, Object> nextLogin = Map.of();
    private static final HttpServer ISSUER = issuer();

    @LocalServerPort
    int port;

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String issuerUri() {
        return "http://127.0.0.1:" + ISSUER.getAddress().getPort();
    }

    private static HttpServer issuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, Map.of(
                    "issuer", issuerUri(), "authorization_endpoint", issuerUri() + "/authorize", "token_endpoint", issuerUri() + "/token",
                    "jwks_uri", issuerUri() + "/jwks", "response_types_supported", List.of("code"),
                    "subject_types_supported", List.of("public"), "id_token_signing_alg_values_supported", List.of("RS256"))));
            server.createContext("/jwks", exchange -> json(exchange, new JWKSet(KEY.toPublicJWK()).toJSONObject()));
            server.createContext("/authorize", exchange -> {
                Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                String code = UUID.randomUUID().toString();
                Map<String, Object> claims = new HashMap<>(nextLogin);
                claims.put("nonce", query.get("nonce"));
                CODES.put(code, claims);
                exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                        + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/token", exchange -> {
                Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Map<String, Object> claims = CODES.remove(body.get("code"));
                if (claims == null) {
                    exchange.sendResponseHeaders(400, -1);
                    exchange.close();
                    return;
                }
                json(exchange, Map.of("access_token", UUID.randomUUID().toString(), "token_type", "Bearer", "expires_in", 300,
                        "id_token", token(KEY, claims, "ledger-client", Instant.now().plusSeconds(300))));
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new HashMap<>();
        if (text != null) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String token(RSAKey key, Map<String, Object> claims, String audience, Instant expires) {
        try {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuerUri()).subject("sub-" + claims.get("preferred_username"))
                    .audience(audience).issueTime(new Date()).expirationTime(Date.from(expires));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    set.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void ledgerProperties(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        registry.add("ledger.approval.required-for", () -> "");
        registry.add("ledger.security.oidc.issuer-uri", OidcSignInIT::issuerUri);
        registry.add("ledger.security.oidc.client-id", () -> "ledger-client");
        registry.add("ledger.security.oidc.client-secret", () -> "client-secret");
        registry.add("ledger.security.oidc.roles-claim", () -> "groups");
        registry.add("ledger.security.oidc.role-values[ledger-officers]", () -> "OFFICER");
        registry.add("ledger.security.oidc.role-values[ledger-auditors]", () -> "AUDITOR");
        registry.add("ledger.security.oidc.departments-claim", () -> "departments");
    }

    @AfterAll
    static void stop() {
        ISSUER.stop(0);
    }

    private static Map<String, Object> user(String name, String display, List<String> groups, List<String> departments) {
        Map<String, Object> claims = new HashMap<>(Map.of("preferred_username", name, "name", display, "groups", groups));
        if (departments != null) {
            claims.put("departments", departments);
        }
        return claims;
    }

    private HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aBearerTokenSignsInWithRolesAndDepartmentsFromItsClaims() throws Exception {
        String yamada = token(KEY, user("yamada", "山田 花子", List.of("ledger-officers"), List.of("総務部")), "ledger-client",
                Instant.now().plusSeconds(300));
        HttpResponse<String> me = call("GET", "/api/me", yamada, null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("name").asText()).isEqualTo("yamada");
        assertThat(body.path("displayName").asText()).isEqualTo("山田 花子");
        assertThat(body.path("roles").toString()).isEqualTo("[\"OFFICER\"]");
        assertThat(body.path("departments").toString()).isEqualTo("[\"総務部\"]");

        HttpResponse<String> added = call("POST", "/api/initiatives", yamada, line(2197, "1", "分類1", "総務部", "OIDCの事業", 5_000));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(call("POST", "/api/initiatives", yamada, line(2197, "1", "分類1", "出納局", "他部局", 5_000)).statusCode()).isEqualTo(403);

        String auditor = token(KEY, user("kimura", "木村", List.of("ledger-auditors"), null), "ledger-client", Instant.now().plusSeconds(300));
        HttpResponse<String> history = call("GET", "/api/initiatives/" + JSON.readTree(added.body()).path("id").asText() + "/history", auditor, null);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode first = JSON.readTree(history.body()).get(0);
        assertThat(first.path("actor").asText()).isEqualTo("yamada");
        assertThat(first.path("actorName").asText()).isEqualTo("山田 花子");
    }

    @Test
    void aTokenOfAnotherKeyExpiredForAnotherAudienceOrWithoutARoleIsRefused() throws Exception {
        Map<String, Object> officer = user("yamada", "山田 花子", List.of("ledger-officers"), List.of("総務部"));
        Instant later = Instant.now().plusSeconds(300);
        List<String> refused = List.of(token(OTHER_KEY, officer, "ledger-client", later),
                token(KEY, officer, "ledger-client", Instant.now().minusSeconds(600)),
                token(KEY, officer, "another-client", later),
                token(KEY, user("nomura", "野村", List.of("staff"), null), "ledger-client", later),
                token(KEY, user("ono", "小野", List.of("ledger-officers"), null), "ledger-client", later),
                "not-a-token");
        for (String token : refused) {
            HttpResponse<String> me = call("GET", "/api/me", token, null);
            assertThat(me.statusCode()).as(me.body()).isEqualTo(401);
            assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void thePagesSignInWithTheAuthorizationCodeOfTheProvider() throws Exception {
        nextLogin = user("sasaki", "佐々木 一", List.of("ledger-auditors"), null);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/audit.html")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/oauth2/authorization/ledger");
        URI at = URI.create(base).resolve(location);
        HttpResponse<String> hop = null;
        for (int hops = 0; hops < 6; hops++) {
            hop = browser.send(HttpRequest.newBuilder(at).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            if (hop.statusCode() != 302) {
                break;
            }
            at = at.resolve(hop.headers().firstValue("Location").orElseThrow());
        }
        assertThat(hop.statusCode()).as(at + ": " + hop.body()).isEqualTo(200);
        assertThat(at.getPath()).as("back on the page asked for, signed in").isEqualTo("/audit.html");
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("name").asText()).isEqualTo("sasaki");
        assertThat(body.path("displayName").asText()).isEqualTo("佐々木 一");
        assertThat(body.path("roles").toString()).isEqualTo("[\"AUDITOR\"]");
    }
}
