package jp.budgetledger.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jp.budgetledger.app.imports.BudgetCsvRejectedException;
import jp.budgetledger.app.imports.ImportRejectedException;
import jp.budgetledger.app.imports.ImportReport;
import jp.budgetledger.app.limits.RequestLimits;
import jp.budgetledger.app.observability.LedgerMetrics;
import jp.budgetledger.app.problem.DatabaseUnavailable;
import jp.budgetledger.app.problem.Problems;
import jp.budgetledger.app.problem.Problems.FieldError;
import jp.budgetledger.app.security.CurrentUser;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.app.idempotency.IdempotencyKeyInFlightException;
import jp.budgetledger.core.domain.DepartmentOutOfScopeException;
import jp.budgetledger.core.domain.DuplicateInitiativeException;
import jp.budgetledger.core.domain.LedgerRuleViolation;
import jp.budgetledger.core.domain.UnbalancedAccountException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every rejected request becomes {@code application/problem+json} (RFC 9457), built by
 * {@link Problems}, with an {@code errors} list of {@code {field, reason}}. Bad shape or syntax is
 * 400, a broken domain rule 422, a conflict with existing state 409, an unknown id 404; what Spring
 * MVC rejects itself (unknown path, method, media type) keeps its status. A domain exception names
 * a {@link jp.budgetledger.core.api.Concept}; the field is the one the endpoint's
 * {@link RequestFields} give it (the common names where the controller did not say). Nothing
 * internal (stack traces, SQL, class names) is ever returned.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Object> invalidValue(InvalidValueException e) {
        String field = e.concept() == null ? e.field() : RequestFields.COMMON.field(e.concept());
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError(field, e.reason())), Map.of());
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<Object> importRejected(ImportRejectedException e) {
        return documentRejected(e.getMessage(), e.report().errors(), e.report());
    }

    @ExceptionHandler(BudgetCsvRejectedException.class)
    ResponseEntity<Object> budgetCsvRejected(BudgetCsvRejectedException e) {
        return documentRejected(e.getMessage(), e.report().errors(), e.report());
    }

    private ResponseEntity<Object> documentRejected(String message, List<ImportReport.Error> errors, Object report) {
        metrics.rejection("document-rejected");
        String detail = message + ": " + errors.stream()
                .map(err -> (err.row() > 0 ? "row " + err.row() + ": " : "") + (err.field() == null ? "" : err.field() + ": ") + err.reason())
                .collect(Collectors.joining("; "));
        return Problems.response(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "document-rejected", "Document rejected", detail,
                errors, Map.of("report", report)));
    }

    private final LedgerMetrics metrics;
    private final java.util.Optional<MultipartProperties> multipart;

    ProblemAdvice(LedgerMetrics metrics, org.springframework.beans.factory.ObjectProvider<MultipartProperties> multipart) {
        this.metrics = metrics;
        this.multipart = java.util.Optional.ofNullable(multipart.getIfAvailable());
    }

    @ExceptionHandler(RequestFields.RejectedField.class)
    ResponseEntity<Object> rejectedField(RequestFields.RejectedField e) {
        return ruleViolation(e.violation(), e.field());
    }

    @ExceptionHandler(LedgerRuleViolation.class)
    ResponseEntity<Object> ruleViolation(LedgerRuleViolation e) {
        return ruleViolation(e, RequestFields.COMMON.field(e));
    }

    private ResponseEntity<Object> ruleViolation(LedgerRuleViolation e, String field) {
        metrics.rejection(e.rule());
        List<FieldError> errors = List.of(new FieldError(field, e.getMessage()));
        if (e instanceof DuplicateInitiativeException duplicate) {
            return problem(HttpStatus.CONFLICT, e.rule(), "Line already exists", errors, Map.of("existingId", duplicate.existingId().value()));
        }
        if (e instanceof UnbalancedAccountException unbalanced) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.rule(), "Rejected by a ledger rule", errors, Map.of("rule", e.rule(),
                    "revenueYen", unbalanced.revenue().yen(), "expenditureYen", unbalanced.expenditure().yen()));
        }
        return problem(e.isConflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, e.rule(), "Rejected by a ledger rule",
                errors, Map.of("rule", e.rule()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException e) {
        metrics.rejection("stale-version");
        ResponseEntity<Object> response = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "The line has changed",
                List.of(new FieldError(IfMatch.HEADER, "the line is at version " + e.getActualVersion() + ", not "
                        + e.getExpectedVersion() + "; read it again")),
                Map.of("currentVersion", e.getActualVersion(), "rule", "stale-version"));
        return ResponseEntity.status(response.getStatusCode()).eTag(IfMatch.etag(e.getActualVersion()))
                .headers(response.getHeaders()).body(response.getBody());
    }

    @ExceptionHandler({AggregateNotFoundException.class, NotFoundException.class})
    ResponseEntity<Object> notFound(Exception e) {
        String detail = e instanceof AggregateNotFoundException anf
                ? "no initiative with id " + anf.getAggregateIdentifier()
                : e.getMessage();
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", List.of(new FieldError("id", detail)), Map.of());
    }

    @ExceptionHandler({CurrentUser.DepartmentForbiddenException.class, DepartmentOutOfScopeException.class})
    ResponseEntity<Object> departmentForbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "department-forbidden", "Forbidden",
                List.of(new FieldError("department", e.getMessage())), Map.of());
    }

    @ExceptionHandler(IdempotencyKeyInFlightException.class)
    ResponseEntity<Object> idempotencyKeyInFlight(IdempotencyKeyInFlightException e) {
        return problem(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Idempotency key conflict",
                List.of(new FieldError(IdempotencyFilter.HEADER, e.getMessage())), Map.of());
    }

    @ExceptionHandler(jp.budgetledger.app.cluster.ProjectionRebuilds.RebuildRunningException.class)
    ResponseEntity<Object> rebuildRunning(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "rebuild-running", "Rebuild already running", List.of(new FieldError("name", e.getMessage())), Map.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrency(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                List.of(new FieldError(null, "the line was changed by another request at the same time; read it again and retry")),
                Map.of());
    }

    @ExceptionHandler(ReadConsistency.ProjectionBehindException.class)
    ResponseEntity<Object> behind(ReadConsistency.ProjectionBehindException e) {
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind", "Not yet visible",
                List.of(new FieldError("minPosition", e.getMessage())), Map.of());
        return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1")
                .headers(response.getHeaders()).body(response.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError(e.getName(), "must be " + article(expected) + ", got '" + e.getValue() + "'")), Map.of());
    }

    @ExceptionHandler(RequestLimits.TooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestLimits.TooLargeException e) {
        metrics.rejection("payload-too-large");
        return Problems.response(Problems.payloadTooLarge(e.field(), e.getMessage(), e.limitBytes(), e.sentBytes()));
    }

    @ExceptionHandler(RequestLimits.ListTooLongException.class)
    ResponseEntity<Object> listTooLong(RequestLimits.ListTooLongException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError(e.field(), e.getMessage())), Map.of("limit", e.limit()));
    }

    /** A multipart body the container cannot parse (no boundary, cut short): 400 naming the body. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError("body", "is not a readable multipart/form-data body")), Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("Database unavailable: {}", e.toString());
            ResponseEntity<Object> response = Problems.response(Problems.databaseUnavailable());
            return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, Problems.DATABASE_RETRY_AFTER_SECONDS)
                    .headers(response.getHeaders()).body(response.getBody());
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                List.of(new FieldError(null, "the request could not be completed; nothing was recorded unless a response said so")),
                Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors, Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        RequestLimits.TooLargeException tooLarge = findCause(e, RequestLimits.TooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", List.of(describe(e)), Map.of());
    }

    /** A multipart body the container refused (spring.servlet.multipart limits): 413 naming the body, as for any body too large. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(@NonNull MaxUploadSizeExceededException e,
                                                                          @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status,
                                                                          @NonNull WebRequest request) {
        long limit = e.getMaxUploadSize() >= 0 ? e.getMaxUploadSize()
                : multipart.map(m -> Math.min(m.getMaxFileSize().toBytes(), m.getMaxRequestSize().toBytes())).orElse(-1L);
        return tooLarge(RequestLimits.TooLargeException.streamed("body", limit));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException e,
                                                                          @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status,
                                                                          @NonNull WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                List.of(new FieldError(e.getParameterName(), "query parameter is required")), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            @NonNull org.springframework.web.bind.ServletRequestBindingException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    List.of(new FieldError(missing.getHeaderName(), "header is required")), Map.of());
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    /** What Spring MVC rejects itself (404 for an unknown path, 405, 406, 415...) in the ledger's shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, Object body, @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail spring) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(spring));
        }
        return response;
    }

    private static FieldError describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            return new FieldError(null, "malformed JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr());
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            InvalidValueException invalid = findCause(mapping, InvalidValueException.class);
            if (invalid != null) {
                return new FieldError(field, invalid.reason());
            }
            if (mapping instanceof UnrecognizedPropertyException) {
                return new FieldError(field, "is not a known field");
            }
            if (mapping instanceof InvalidFormatException format) {
                return new FieldError(field, "must be " + article(simpleType(format.getTargetType()))
                        + ", got '" + format.getValue() + "'");
            }
            if (findCause(mapping, InputCoercionException.class) != null) {
                return new FieldError(field, "is out of range");
            }
            if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return new FieldError(field, "must be " + article(simpleType(mismatched.getTargetType())));
            }
            return new FieldError(field, "has an invalid value");
        }
        if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return new FieldError(null, "a JSON body is required");
        }
        return new FieldError(null, "the body is not valid JSON for this request");
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path.replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "integer";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == String.class) {
            return "string";
        }
        return "value";
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, List<FieldError> errors,
                                                  Map<String, Object> extra) {
        return Problems.response(Problems.of(status, type, title, errors, extra));
    }
}
