package jp.budgetledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who is acting and which request this is. The actor is the authenticated user, whatever the
 * request claims (an {@code X-Ledger-Actor} header or an {@code actor} field is ignored). The
 * correlation id ({@value #CORRELATION_HEADER}) and the client's request id
 * ({@value #REQUEST_ID_HEADER}) are taken when given, otherwise made; both are echoed in the response.
 */
@Component
class RequestContext {

    static final String ACTOR_HEADER = "X-Ledger-Actor";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern ID_SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final CurrentUser user;

    RequestContext(CurrentUser user) {
        this.user = user;
    }

    Requester requester(HttpServletRequest request, HttpServletResponse response) {
        String correlationId = idOrNew(request.getHeader(CORRELATION_HEADER));
        Object logged = request.getAttribute(REQUEST_ID_HEADER);
        String requestId = logged instanceof String id ? id : idOrNew(request.getHeader(REQUEST_ID_HEADER));
        response.setHeader(CORRELATION_HEADER, correlationId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        org.slf4j.MDC.put("correlationId", correlationId);
        org.slf4j.MDC.put("requestId", requestId);
        return new Requester(user.name(), correlationId, requestId, user.departments(), user.displayName());
    }

    private static String idOrNew(String given) {
        return given != null && ID_SHAPE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
