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
import jp.budgetledger.app.idempotency.IdempotencyKeys;
import jp.budgetledger.app.idempotency.IdempotentRequest;
import jp.budgetledger.app.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * {@code Idempotency-Key} on any {@code POST /api/…}, scoped to the authenticated user and kept for
 * {@code ledger.idempotency.ttl}: the first request with a key runs, and its first command writes the key's row (with the
 * request's hash and the command's outcome) in the command's own transaction ({@link IdempotencyKeys}); the response (status,
 * body, Location) is added to the row once written. A retry with the same key and the same request (method, path, query,
 * user, If-Match, body) gets that response again, marked {@code Idempotent-Replayed: true}, and records nothing new; if the
 * first run committed but its response was never kept (a crash in between), the retry is answered from the recorded outcome
 * without sending the command again. The same key with a different request is 422; a retry while the first is committing
 * is 409 and may be sent again. A request refused before anything was recorded keeps its answer for retries, unless it
 * failed with a server error. Nothing is reserved before the command's transaction, so a crash never leaves a key taken.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
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
        String user = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        String hash = hash(request, body);
        Optional<IdempotencyKeys.Stored> existing = keys.find(user, key);
        if (existing.isPresent() && answered(existing.get(), hash, request, response)) {
            return;
        }
        IdempotentRequest.Outcome replay = existing.map(stored -> keys.decode(stored.outcome())).orElse(null);
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        IdempotencyKeys.Served served = serve(user, key, hash, replay, chain, new CachedBodyRequest(request, body), wrapped);
        int status = wrapped.getStatus();
        if (served.claimed() || served.replayed()) {
            if (status < 500) {
                keys.recordResponse(user, key, status, wrapped.getContentType(), wrapped.getHeader(HttpHeaders.LOCATION),
                        wrapped.getContentAsByteArray());
            }
        } else if (status < 500 && !served.inFlight() && !keys.recordRefusal(user, key, hash, status, wrapped.getContentType(),
                wrapped.getHeader(HttpHeaders.LOCATION), wrapped.getContentAsByteArray())) {
            Optional<IdempotencyKeys.Stored> first = keys.find(user, key);
            if (first.isPresent()) {
                wrapped.reset();
                if (answered(first.get(), hash, request, wrapped)) {
                    wrapped.copyBodyToResponse();
                    return;
                }
                wrapped.reset();
                problem(request, wrapped, HttpStatus.CONFLICT, "idempotency-key-in-flight",
                        "another request with this key has just been recorded; send the retry again");
            }
        }
        wrapped.copyBodyToResponse();
    }

    private IdempotencyKeys.Served serve(String user, String key, String hash, IdempotentRequest.Outcome replay, FilterChain chain,
                                         HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            return keys.serve(user, key, hash, replay, served -> {
                chain.doFilter(request, response);
                return served;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /**
     * Answers a request whose key has a row: 422 for another request, the kept response, or nothing (false) when the first
     * run committed its command but kept no response, which the retry then answers from the recorded outcome.
     */
    private boolean answered(IdempotencyKeys.Stored stored, String hash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!stored.hash().equals(hash)) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "this key was used for a different request; use a new key for a new request");
            return true;
        }
        if (stored.status() == null) {
            if (stored.outcome() != null) {
                return false;
            }
            problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-flight",
                    "the first request with this key ended without its response being kept; read the resource to see whether it was recorded");
            return true;
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
        return true;
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
