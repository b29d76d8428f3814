package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.limits.RequestLimits;
import jp.budgetledger.app.problem.Problems;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds every request body before anything reads it: an import ({@code /api/imports/**}) to
 * {@code ledger.limits.max-import-bytes}, anything else to {@code ledger.limits.max-request-body}.
 * A declared Content-Length over the limit is answered 413 at once, without reading the body, and
 * the connection closed; a body without one (chunked)
 * is counted as it is read and stopped when it passes the limit, answered 413 too. Runs before
 * authentication, so an oversized request costs no password check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final ObjectMapper json;

    RequestBodyLimitFilter(RequestLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            reject(request, response, new RequestLimits.TooLargeException("body", limit, declared));
            return;
        }
        if (formParametersTooLarge(request)) {
            reject(request, response, RequestLimits.TooLargeException.streamed("body", limit));
            return;
        }
        try {
            chain.doFilter(new Bounded(request, limit), response);
        } catch (RequestLimits.TooLargeException e) {
            reject(request, response, e);
        } catch (ServletException | RuntimeException e) {
            RequestLimits.TooLargeException tooLarge = cause(e);
            if (tooLarge == null) {
                throw e;
            }
            reject(request, response, tooLarge);
        }
    }

    /**
     * A form post (the sign-in page) is parsed by the container, which drops the parameters of one
     * larger than {@code server.tomcat.max-http-form-post-size}; parsed here, such a post is refused.
     */
    private static boolean formParametersTooLarge(HttpServletRequest request) {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return false;
        }
        request.getParameterNames();
        return request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR) == Parameters.FailReason.POST_TOO_LARGE;
    }

    private long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/imports") || path.startsWith("/api/imports/")
                ? limits.maxImportBytes().toBytes() : limits.maxRequestBody().toBytes();
    }

    private static RequestLimits.TooLargeException cause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof RequestLimits.TooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, RequestLimits.TooLargeException e)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String connection = response.getHeader(HttpHeaders.CONNECTION);
        response.reset();
        if (connection != null) {
            response.setHeader(HttpHeaders.CONNECTION, connection);
        }
        Problems.write(request, response, json, Problems.payloadTooLarge(e.field(), e.getMessage(), e.limitBytes(), e.sentBytes()));
        response.flushBuffer();
    }

    /** The request with its body stream counting: past {@code limit} bytes, a read throws {@link RequestLimits.TooLargeException}. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw RequestLimits.TooLargeException.streamed("body", limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
