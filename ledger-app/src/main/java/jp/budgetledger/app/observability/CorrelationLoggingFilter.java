package jp.budgetledger.app.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Puts the request's correlation and request ids ({@code X-Correlation-Id}, {@code X-Request-Id})
 * into the logging context, so every log line of the request carries them (in the text pattern
 * and in structured JSON logs, {@code logging.structured.format.console=ecs}). A request without a request id is given one
 * here, so that the security log's lines of its sign-in and the events it records name the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationLoggingFilter extends OncePerRequestFilter {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        put("correlationId", request.getHeader("X-Correlation-Id"));
        String requestId = request.getHeader("X-Request-Id");
        requestId = requestId != null && SHAPE.matcher(requestId).matches() ? requestId : java.util.UUID.randomUUID().toString();
        MDC.put("requestId", requestId);
        request.setAttribute("X-Request-Id", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("correlationId");
            MDC.remove("requestId");
        }
    }

    private static void put(String key, String value) {
        if (value != null && SHAPE.matcher(value).matches()) {
            MDC.put(key, value);
        }
    }
}
