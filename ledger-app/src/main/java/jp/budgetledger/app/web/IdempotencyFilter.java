package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.eventstore.EventHashes;
import jp.budgetledger.app.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on any {@code POST /api/…}: the first request with a key runs and its
 * response (status, body, Location) is stored in PostgreSQL; a retry with the same key and the
 * same request (method, path, query, user, If-Match, body) gets that response again, marked
 * {@code Idempotent-Replayed: true}, and records nothing new. The same key with a different
 * request is 422; a retry while the first is still running, or whose first run ended without a
 * response being stored, is 409. A request that failed with a server error releases its key.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    IdempotencyFilter(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Stored(String hash, Integer status, String contentType, String location, byte[] body) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/") || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (!SHAPE.matcher(key).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-request", "must be 1-200 visible ASCII characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        Optional<Stored> existing = find(key);
        if (existing.isEmpty()) {
            int claimed = jdbc.sql("INSERT INTO idempotency_key (idempotency_key, request_hash) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(key, hash).update();
            if (claimed == 0) {
                existing = find(key);
            }
        }
        if (existing.isPresent()) {
            answerRetry(existing.get(), hash, request, response);
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), wrapped);
        } catch (IOException | ServletException | RuntimeException e) {
            jdbc.sql("DELETE FROM idempotency_key WHERE idempotency_key = ? AND status IS NULL").param(key).update();
            throw e;
        }
        if (wrapped.getStatus() >= 500) {
            jdbc.sql("DELETE FROM idempotency_key WHERE idempotency_key = ? AND status IS NULL").param(key).update();
        } else {
            jdbc.sql("""
                            UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ?, completed_at = now()
                            WHERE idempotency_key = ?""")
                    .params(wrapped.getStatus(), wrapped.getContentType(), wrapped.getHeader(HttpHeaders.LOCATION),
                            wrapped.getContentAsByteArray(), key)
                    .update();
        }
        wrapped.copyBodyToResponse();
    }

    private void answerRetry(Stored stored, String hash, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!stored.hash().equals(hash)) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "this key was used for a different request; use a new key for a new request");
            return;
        }
        if (stored.status() == null) {
            problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-flight",
                    "the first request with this key is still running, or ended without its response being kept; "
                            + "read the resource to see whether it was recorded");
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(REPLAYED, "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private Optional<Stored> find(String key) {
        return jdbc.sql("SELECT request_hash, status, content_type, location, body FROM idempotency_key WHERE idempotency_key = ?")
                .param(key)
                .query((rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        String head = String.join("\n", request.getMethod(), request.getRequestURI(), String.valueOf(request.getQueryString()),
                request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName(),
                String.valueOf(request.getHeader(IfMatch.HEADER)), "");
        data.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        data.writeBytes(body);
        return EventHashes.sha256(data.toByteArray());
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String reason)
            throws IOException {
        Problems.write(request, response, json, Problems.of(status, type,
                status == HttpStatus.BAD_REQUEST ? "Invalid request" : "Idempotency key conflict",
                List.of(new Problems.FieldError(HEADER, reason)), Map.of()));
    }

    /** The request with its body already read, so that it can be read again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
