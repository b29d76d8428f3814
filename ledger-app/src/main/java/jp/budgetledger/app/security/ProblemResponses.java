package jp.budgetledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * 401 and 403 as problem+json that say what to do and reveal nothing else; both are logged with
 * the user, the request and the reason.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger("jp.budgetledger.security");
    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String user = attemptedUser(request);
        log.warn("Unauthenticated {} {} (user: {}): {}", request.getMethod(), request.getRequestURI(),
                user == null ? "none given" : user, user == null ? "no credentials" : "bad credentials");
        if (!WebPages.isBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Budget Ledger\", charset=\"UTF-8\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "Authorization", "log in with your ledger user (HTTP Basic)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Principal principal = request.getUserPrincipal();
        log.warn("Denied {} {} to {}: {}", request.getMethod(), request.getRequestURI(),
                principal == null ? "anonymous" : principal.getName(), e.getMessage());
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", null, "your role does not allow this request");
    }

    void write(HttpServletResponse response, HttpStatus status, String type, String title, String field, String reason)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://budget-ledger.jp/problems/" + type));
        problem.setTitle(title);
        problem.setDetail(reason);
        Map<String, String> error = field == null ? Map.of("reason", reason) : Map.of("field", field, "reason", reason);
        problem.setProperty("errors", List.of(error));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String attemptedUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? "?" : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
