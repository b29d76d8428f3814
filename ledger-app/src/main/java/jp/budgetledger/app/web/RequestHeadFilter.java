package jp.budgetledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.logging.LogSafe;
import jp.budgetledger.app.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before anything reads them, the parts of a request's head that no handler can take:
 * a {@code Content-Type} that is a wildcard ({@code *}{@code /*}, {@code application/*}) is 415,
 * and a query parameter whose name or value holds the NUL character (which no text column of the
 * database stores) is 400 naming the parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestHeadFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    RequestHeadFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && isWildcard(contentType)) {
            Problems.write(request, response, json, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported Media Type", List.of(new Problems.FieldError(HttpHeaders.CONTENT_TYPE,
                            "must name the body's media type, not a wildcard")), Map.of()));
            return;
        }
        String parameter = parameterWithNul(request.getQueryString());
        if (parameter != null) {
            Problems.write(request, response, json, Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    List.of(new Problems.FieldError(parameter, "must not contain the NUL character")), Map.of()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            return false;
        }
    }

    /** The (log-safe) name of the first query parameter whose name or value decodes to text with NUL, or null. */
    private static String parameterWithNul(String query) {
        if (query == null || !query.contains("%00") && query.indexOf('\u0000') < 0) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            String name = decode(parts[0]);
            String value = parts.length == 2 ? decode(parts[1]) : "";
            if (name.indexOf('\u0000') >= 0 || value.indexOf('\u0000') >= 0) {
                return LogSafe.text(name);
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
