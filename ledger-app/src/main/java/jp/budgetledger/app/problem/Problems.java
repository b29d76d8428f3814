package jp.budgetledger.app.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds every problem+json answer of the ledger in one shape: {@code type} (under
 * {@value #TYPE_BASE}), {@code title}, {@code status}, {@code detail}, {@code instance} (the
 * request's path), {@code errors} (a list of {@code {field, reason}}, field null when the error is
 * about the request as a whole) and any extra members such as {@code rule} or {@code existingId}.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://budget-ledger.jp/problems/";

    /** One thing wrong with a request: the field (null for the request as a whole) and why. */
    public record FieldError(String field, String reason) {
    }

    private Problems() {
    }

    /** A problem whose detail lists its errors as {@code field: reason; ...}. */
    public static ProblemDetail of(HttpStatusCode status, String type, String title, List<FieldError> errors,
                                   Map<String, ?> extra) {
        return of(status, type, title, errors.stream()
                .map(f -> f.field() == null ? f.reason() : f.field() + ": " + f.reason())
                .collect(Collectors.joining("; ")), errors, extra);
    }

    /** A problem with its own detail and errors of any shape that has {@code field} and {@code reason}. */
    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail, List<?> errors,
                                   Map<String, ?> extra) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setDetail(detail);
        problem.setProperty("errors", errors);
        extra.forEach(problem::setProperty);
        return problem;
    }

    /**
     * 413: a request (its {@code field}, usually {@code body}) larger than the ledger takes, with
     * {@code limitBytes} and, when known ({@code sentBytes >= 0}), {@code sentBytes}.
     */
    public static ProblemDetail payloadTooLarge(String field, String reason, long limitBytes, long sentBytes) {
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        extra.put("limitBytes", limitBytes);
        if (sentBytes >= 0) {
            extra.put("sentBytes", sentBytes);
        }
        return of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large", List.of(new FieldError(field, reason)), extra);
    }

    /** Seconds a client waits before retrying a request answered {@link #databaseUnavailable()}. */
    public static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    /**
     * 503: the database cannot be reached now ({@link DatabaseUnavailable}); nothing was recorded,
     * the request may be sent again after {@value #DATABASE_RETRY_AFTER_SECONDS} seconds
     * ({@code Retry-After}).
     */
    public static ProblemDetail databaseUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                List.of(new FieldError(null, "the database cannot be reached now; nothing was recorded; retry after Retry-After")),
                Map.of());
    }

    /**
     * A problem Spring MVC or the servlet container made itself (unknown path, wrong method or
     * media type...), in the ledger's shape: its status, type, title and detail stay, its detail
     * becomes the one error.
     */
    public static ProblemDetail of(ProblemDetail spring) {
        ProblemDetail problem = ProblemDetail.forStatus(spring.getStatus());
        problem.setType(spring.getType());
        problem.setTitle(spring.getTitle());
        problem.setDetail(spring.getDetail());
        problem.setInstance(spring.getInstance());
        if (spring.getProperties() != null) {
            spring.getProperties().forEach(problem::setProperty);
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("errors")) {
            problem.setProperty("errors", List.of(new FieldError(null,
                    spring.getDetail() == null ? spring.getTitle() : spring.getDetail())));
        }
        return problem;
    }

    /** The problem as a response entity of a controller or exception handler (Spring adds the instance). */
    public static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Writes the problem to a response outside Spring MVC (a filter), with the request's path as its instance. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // the path is not a URI; the problem goes without its instance
            }
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = json.writeValueAsBytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
