package jp.budgetledger.app.security;

import jp.budgetledger.app.logging.LogSafe;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
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
        log.warn("Unauthenticated {} {} (user: {}): {}", LogSafe.text(request.getMethod()), LogSafe.text(request.getRequestURI()),
                user == null ? "none given" : LogSafe.text(user), user == null ? "no credentials" : "bad credentials");
        if (!WebPages.isBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Budget Ledger\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "Authorization", "log in with your ledger user (HTTP Basic)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Principal principal = request.getUserPrincipal();
        log.warn("Denied {} {} to {}: {}", LogSafe.text(request.getMethod()), LogSafe.text(request.getRequestURI()),
                principal == null ? "anonymous" : LogSafe.text(principal.getName()), LogSafe.text(e.getMessage()));
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", null, "your role does not allow this request");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String title,
                       String field, String reason) throws IOException {
        Problems.write(request, response, json,
                Problems.of(status, type, title, List.of(new Problems.FieldError(field, reason)), Map.of()));
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
