package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jp.budgetledger.app.security.EndpointRules;
import jp.budgetledger.app.security.Role;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI document served at {@code /v3/api-docs} is the API's contract. Controllers describe
 * their own operations (tag, description, success status, operation-specific errors) with
 * annotations; this class adds what is common to them, from the same rules the service applies:
 * the problem+json responses each operation can give (401, 500 and 503 everywhere, 403 where the role or
 * a department can refuse, 400 where there is input, 404 where an id is named, 409/422 for an
 * {@code Idempotency-Key}, 412 with {@code If-Match}), the security
 * requirements (HTTP Basic, or the pages' session cookie with the CSRF header on writes), the
 * {@code Idempotency-Key} header of every POST, the response headers, the lenient integers of JSON
 * bodies, the sign-in endpoints and the actuator endpoints served outside the controllers.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Budget Ledger API", version = "1",
        description = "An event-sourced ledger of public budgets. Amounts are exact integers of yen in fields ending in Yen. "
                + "Writes return position, which a read can pass as minPosition to see that write. Errors are "
                + "application/problem+json (RFC 9457) with errors [{field, reason}]. A change that leaves a 会計 with lines on both "
                + "sides unbalanced (歳入 ≠ 歳出) is 422 unbalanced-account (revenueYen, expenditureYen), unless it says partOfSet: true "
                + "(one side of a set still being recorded; imports of budget books always are)."))
@SecurityScheme(name = ApiDocumentation.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "API clients: HTTP Basic on every request; stateless, no CSRF token needed.")
@SecurityScheme(name = ApiDocumentation.SESSION, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE, paramName = "JSESSIONID",
        description = "The web pages: the session cookie set by POST /login.")
@SecurityScheme(name = ApiDocumentation.CSRF, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-XSRF-TOKEN",
        description = "With a session, every write carries the value of the XSRF-TOKEN cookie in this header.")
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    /** The description of the {@code partOfSet} field of every write that changes amounts. */
    static final String PART_OF_SET = "true: this change is one side of a set still being recorded (e.g. an expenditure book before its "
            + "revenue book), so it may leave a 会計 unbalanced; otherwise a change that leaves a 会計 with lines on both sides with "
            + "歳入 and 歳出 totals that differ is 422 unbalanced-account";
    static final String SESSION = "session";
    static final String CSRF = "csrf";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = "#/components/schemas/ProblemDetails";
    private static final String HEADERS = "#/components/headers/";
    private static final Set<Class<? extends Annotation>> NOT_NULL = Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("400", "Bad shape or syntax of a parameter, header or body field (problem type invalid-request); nothing is recorded"),
            Map.entry("401", "No or wrong credentials (problem type unauthenticated)"),
            Map.entry("403", "The user's role or departments do not allow this request, or a session write lacks the CSRF token"),
            Map.entry("404", "No such line (problem type not-found)"),
            Map.entry("409", "A conflict with the current state (rule named in rule), or the first request with this "
                    + "Idempotency-Key is still running (idempotency-key-in-flight)"),
            Map.entry("412", "If-Match names a version other than the line's: currentVersion and ETag give the current one"),
            Map.entry("413", "The body is larger than the ledger takes (ledger.limits.max-request-body, for an import "
                    + "ledger.limits.max-import-bytes): problem type payload-too-large with limitBytes and sentBytes; nothing is recorded"),
            Map.entry("415", "The body's Content-Type is not one this operation reads"),
            Map.entry("422", "A ledger rule rejects the request (rule named in rule), or this Idempotency-Key was used for "
                    + "another request (idempotency-key-reused)"),
            Map.entry("500", "Unexpected error; nothing was recorded unless a response said so"),
            Map.entry("503", "The database cannot be reached now (database-unavailable: down, restarting, failing over, out of "
                    + "disk), or the read models have not reached minPosition within the wait (projection-behind); nothing "
                    + "was recorded; retry after Retry-After"));

    @Bean
    OpenApiCustomizer ledgerContract() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas("ProblemDetails", problemSchema());
            anyValueMaps(components);
            headers().forEach(components::addHeaders);
            pagesAndActuator(openApi);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(path, HttpMethod.valueOf(method.name()), operation)));
            lenientIntegers(openApi);
            yearStatus(components);
            openApi.setTags(tags(openApi));
        };
    }

    /** The JSON reports of a fiscal year say whether it is closed (確定) at their moment, and since when. */
    private static void yearStatus(Components components) {
        for (String name : List.of("Figures", "CurrentBudget")) {
            Schema<?> schema = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (schema != null) {
                schema.addProperty("closed", new io.swagger.v3.oas.models.media.BooleanSchema()
                        .description("true when the fiscal year was closed (確定) at the report's moment"));
                schema.addProperty("closedAt", new StringSchema().format("date-time").description("when it was closed, for a closed year"));
            }
        }
    }

    /** Reference types may be absent (JSON null) unless their field is declared not null. */
    @Bean
    PropertyCustomizer nullableReferences() {
        return (property, type) -> {
            Type javaType = type.getType();
            boolean primitive = javaType instanceof JavaType jt ? jt.isPrimitive() : javaType instanceof Class<?> c && c.isPrimitive();
            boolean declaredNotNull = type.getCtxAnnotations() != null && java.util.Arrays.stream(type.getCtxAnnotations())
                    .anyMatch(a -> NOT_NULL.contains(a.annotationType()));
            if (primitive || declaredNotNull) {
                return property;
            }
            if (property.get$ref() != null) {
                return new ComposedSchema().addAnyOfItem(property)
                        .addAnyOfItem(new ObjectSchema().nullable(true).maxProperties(0).description("absent: null"));
            }
            return property.nullable(true);
        };
    }

    private static void describe(String path, HttpMethod method, Operation operation) {
        boolean api = path.startsWith("/api/");
        boolean post = HttpMethod.POST.equals(method);
        boolean write = post || HttpMethod.PUT.equals(method);
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : operation.getParameters();
        boolean ifMatch = parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && IfMatch.HEADER.equalsIgnoreCase(p.getName()));
        Role role = EndpointRules.of(method, path).map(EndpointRules.Rule::role).orElse(null);
        ApiResponses responses = operation.getResponses();
        if (api) {
            if (post) {
                parameters.add(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Makes a retry safe: a retry with the same key and request gets the first response again "
                                + "(Idempotent-Replayed: true) and records nothing; 1-200 visible ASCII characters")
                        .schema(new StringSchema().pattern("^[\\x21-\\x7E]{1,200}$")));
                parameters.add(new HeaderParameter().name("X-Correlation-Id").required(false)
                        .description("Correlation id recorded on the events (made when absent, echoed)").schema(new StringSchema()));
                parameters.add(new HeaderParameter().name("X-Request-Id").required(false)
                        .description("The client's request id recorded on the events (made when absent, echoed)").schema(new StringSchema()));
            }
            operation.setParameters(parameters);
            operation.setSecurity(write
                    ? List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION).addList(CSRF))
                    : List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)));
            addError(responses, "401");
            if (write || role != Role.VIEWER) {
                addError(responses, "403");
            }
            if (!parameters.isEmpty() || operation.getRequestBody() != null) {
                addError(responses, "400");
            }
            if (path.contains("{id}")) {
                addError(responses, "404");
            }
            if (write) {
                addError(responses, "409");
                addError(responses, "422");
            }
            if (operation.getRequestBody() != null) {
                addError(responses, "413");
                addError(responses, "415");
            }
            if (ifMatch) {
                addError(responses, "412");
                responses.get("412").addHeaderObject(HttpHeaders.ETAG, ref("ETag"));
            }
            addError(responses, "500");
            addError(responses, "503");
            responses.get("503").addHeaderObject(HttpHeaders.RETRY_AFTER, ref("Retry-After"));
            responses.get("401").addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, ref("WWW-Authenticate"));
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("2") && api) {
                if (HttpMethod.GET.equals(method)) {
                    response.addHeaderObject("X-Ledger-Rebuilding", ref("X-Ledger-Rebuilding"));
                    response.addHeaderObject("Warning", ref("Warning"));
                }
                if (post) {
                    response.addHeaderObject("Idempotent-Replayed", ref("Idempotent-Replayed"));
                }
                if (ifMatch) {
                    response.addHeaderObject(HttpHeaders.ETAG, ref("ETag"));
                }
            }
            if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                MediaType any = response.getContent().remove("*/*");
                response.getContent().addMediaType(JSON, any);
            }
            if (!status.startsWith("2") && !status.startsWith("3")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(ERRORS.getOrDefault(status, "Rejected"));
                }
                response.setContent(problemContent());
            }
        });
    }

    /** A {@code Map<String, Object>} holds any JSON values, not only objects. */
    @SuppressWarnings("rawtypes")
    private static void anyValueMaps(Components components) {
        for (Schema<?> schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                if (property.getAdditionalProperties() instanceof Schema<?> values && "object".equals(values.getType())
                        && values.getProperties() == null && values.get$ref() == null) {
                    property.setAdditionalProperties(true);
                }
            }
        }
    }

    private static void addError(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(ERRORS.get(status)).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM)));
    }

    private static Header ref(String name) {
        return new Header().$ref(HEADERS + name);
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().nullable(true).description("The request field, parameter or header; absent when the whole request is meant"))
                .addProperty("reason", new StringSchema().description("What is wrong, in words"))
                .addProperty("row", new IntegerSchema().nullable(true).description("An imported document's row"))
                .addProperty("severity", new StringSchema().nullable(true).description("An imported document's finding: error or warning"))
                .required(List.of("reason"));
        return new ObjectSchema()
                .description("RFC 9457 problem details; nothing was recorded")
                .addProperty("type", new StringSchema().format("uri").description("https://budget-ledger.jp/problems/<kind>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError))
                .addProperty("rule", new StringSchema().description("The ledger rule that rejected the request, such as negative-amount"))
                .addProperty("existingId", new StringSchema().description("409 for a duplicate line: the line that exists"))
                .addProperty("currentVersion", new IntegerSchema().format("int64").description("412: the line's current version"))
                .addProperty("report", new ComposedSchema().addAnyOfItem(new Schema<>().$ref("#/components/schemas/ImportReport"))
                        .addAnyOfItem(new Schema<>().$ref("#/components/schemas/BudgetCsvReport"))
                        .description("422 for a rejected import: the 別紙 import's report or the budget CSV's"))
                .addProperty("revenueYen", new IntegerSchema().format("int64").description("422 unbalanced-account: the 会計's 歳入 total the change would leave"))
                .addProperty("expenditureYen", new IntegerSchema().format("int64").description("422 unbalanced-account: the 会計's 歳出 total the change would leave"))
                .required(List.of("type", "title", "status", "errors"));
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("ETag", new Header().description("The line's version, \"<version>\", for If-Match").schema(new StringSchema().pattern("^(W/)?\"[0-9]+\"$")));
        headers.put("Location", new Header().description("The new line").schema(new StringSchema().format("uri")));
        headers.put("Idempotent-Replayed", new Header().description("true: this is the stored response of an earlier request with the same Idempotency-Key")
                .schema(new StringSchema()._enum(List.of("true"))));
        headers.put("X-Ledger-Rebuilding", new Header().description("While read models are rebuilt: their names, comma-separated; their figures are incomplete")
                .schema(new StringSchema()));
        headers.put("Warning", new Header().description("199, with the rebuilding read models").schema(new StringSchema()));
        headers.put("Retry-After", new Header().description("Seconds").schema(new StringSchema()));
        headers.put("WWW-Authenticate", new Header().description("The Basic challenge (not sent to browsers)").schema(new StringSchema()));
        return headers;
    }

    /**
     * JSON bodies take integers as numbers or as text people type: {@code "△1,786,000"}, full-width digits. Bodies open to
     * other members keep plain integers (swagger-request-validator reads anyOf there as an object).
     */
    private static void lenientIntegers(OpenAPI openApi) {
        Set<String> requestSchemas = new java.util.HashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            RequestBody body = operation.getRequestBody();
            if (body != null && body.getContent() != null && body.getContent().get(JSON) != null) {
                collect(openApi, body.getContent().get(JSON).getSchema(), requestSchemas);
            }
        }));
        for (String name : requestSchemas) {
            Schema<?> schema = openApi.getComponents().getSchemas().get(name);
            if (schema.getProperties() == null || Boolean.TRUE.equals(schema.getAdditionalProperties())) {
                continue;
            }
            schema.getProperties().replaceAll((field, property) -> "integer".equals(property.getType())
                    ? new Schema<>().anyOf(List.of(new IntegerSchema().format(property.getFormat()).nullable(property.getNullable()),
                            new StringSchema().nullable(property.getNullable())
                                    .description("the integer as text: digits (also full-width), commas, a leading - or △")))
                    .description(property.getDescription())
                    : property);
        }
    }

    private static void collect(OpenAPI openApi, Schema<?> schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                Schema<?> target = openApi.getComponents().getSchemas().get(name);
                if (target != null && target.getProperties() != null) {
                    target.getProperties().values().forEach(p -> collect(openApi, p, names));
                }
            }
        }
        if (schema.getItems() != null) {
            collect(openApi, schema.getItems(), names);
        }
    }

    /** Sign-in of the pages (Spring Security) and the actuator endpoints, which no controller maps. */
    private static void pagesAndActuator(OpenAPI openApi) {
        Schema<?> form = new ObjectSchema()
                .addProperty("username", new StringSchema())
                .addProperty("password", new StringSchema().format("password"))
                .addProperty("_csrf", new StringSchema().description("The XSRF-TOKEN cookie's value (or send it in X-XSRF-TOKEN)"))
                .required(List.of("username", "password"));
        ApiResponse redirect = new ApiResponse().description("Redirect: to / when signed in, to /login.html?error when not; sets the JSESSIONID cookie")
                .addHeaderObject(HttpHeaders.LOCATION, new Header().schema(new StringSchema()));
        openApi.path("/login", new PathItem().post(new Operation().operationId("login").addTagsItem("session")
                .summary("Sign in (web pages)")
                .description("Form login of the web pages; the session it starts authenticates later requests with its cookie. "
                        + "Needs the CSRF token of the XSRF-TOKEN cookie, which every response of the service sets.")
                .security(List.of(new SecurityRequirement()))
                .requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE, new MediaType().schema(form))))
                .responses(new ApiResponses().addApiResponse("302", redirect)
                        .addApiResponse("403", new ApiResponse().description("The CSRF token is missing or wrong").content(problemContent())))));
        openApi.path("/logout", new PathItem().post(new Operation().operationId("logout").addTagsItem("session")
                .summary("Sign out (web pages)")
                .description("Ends the session: a browser (Accept: text/html) is redirected to /login.html?logout, any other client gets 204.")
                .security(List.of(new SecurityRequirement().addList(SESSION).addList(CSRF)))
                .responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("Signed out"))
                        .addApiResponse("302", new ApiResponse().description("Signed out; redirect to /login.html?logout")
                                .addHeaderObject(HttpHeaders.LOCATION, new Header().schema(new StringSchema())))
                        .addApiResponse("403", new ApiResponse().description("The CSRF token is missing or wrong").content(problemContent())))));
        Schema<?> health = new ObjectSchema().addProperty("status", new StringSchema()).addProperty("components", new ObjectSchema())
                .required(List.of("status"));
        openApi.path("/actuator/health", new PathItem().get(new Operation().operationId("health").addTagsItem("operations")
                .summary("Health").description("The status, open to anyone (for load balancers); the database's and the event "
                        + "processors' components and details only to an ADMIN.")
                .security(List.of(new SecurityRequirement()))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("Up").content(new Content()
                                .addMediaType("application/vnd.spring-boot.actuator.v3+json", new MediaType().schema(health))
                                .addMediaType(JSON, new MediaType().schema(health))))
                        .addApiResponse("503", new ApiResponse().description("Down or out of service").content(new Content()
                                .addMediaType("application/vnd.spring-boot.actuator.v3+json", new MediaType().schema(health))
                                .addMediaType(JSON, new MediaType().schema(health)))))));
        openApi.path("/actuator/info", new PathItem().get(actuator("info", "Application information", Role.VIEWER,
                new Content().addMediaType("application/vnd.spring-boot.actuator.v3+json", new MediaType().schema(new ObjectSchema()))
                        .addMediaType(JSON, new MediaType().schema(new ObjectSchema())))));
        openApi.path("/actuator/prometheus", new PathItem().get(actuator("prometheus",
                "Metrics in the Prometheus text format: commands by type, rejections by rule, import sizes, Axon's own metrics", Role.ADMIN,
                new Content().addMediaType("text/plain", new MediaType().schema(new StringSchema()))
                        .addMediaType("application/openmetrics-text", new MediaType().schema(new StringSchema())))));
    }

    private static Operation actuator(String id, String description, Role role, Content content) {
        ApiResponses responses = new ApiResponses().addApiResponse("200", new ApiResponse().description("OK").content(content))
                .addApiResponse("401", new ApiResponse().description(ERRORS.get("401")).content(problemContent())
                        .addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, ref("WWW-Authenticate")));
        if (role != Role.VIEWER) {
            responses.addApiResponse("403", new ApiResponse().description("Needs the " + role + " role").content(problemContent()));
        }
        return new Operation().operationId(id).addTagsItem("operations").summary(description).description(description + " (role " + role + ").")
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION)))
                .responses(responses);
    }

    private static List<Tag> tags(OpenAPI openApi) {
        Map<String, Tag> tags = new TreeMap<>();
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(t -> tags.put(t.getName(), t));
        }
        tags.putIfAbsent("session", new Tag().name("session").description("Who is signed in; the pages' sign-in and sign-out"));
        tags.putIfAbsent("operations", new Tag().name("operations").description("Health, metrics and rebuilding read models"));
        return new ArrayList<>(tags.values());
    }
}
