package jp.budgetledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Text;
import org.springframework.stereotype.Component;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads who is acting from the request. Until authentication exists the actor is the
 * {@value #ACTOR_HEADER} header (required on writes; UTF-8 names may be percent-encoded).
 * The correlation id ({@value #CORRELATION_HEADER}) and the client's request id
 * ({@value #REQUEST_ID_HEADER}) are taken when given, otherwise made; both are echoed in the response.
 */
@Component
class RequestContext {

    static final String ACTOR_HEADER = "X-Ledger-Actor";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern CORRELATION_SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    Requester requester(HttpServletRequest request, HttpServletResponse response) {
        String raw = request.getHeader(ACTOR_HEADER);
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(ACTOR_HEADER, "header is required on writes");
        }
        String actor;
        try {
            actor = raw.contains("%") ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(ACTOR_HEADER, "is not valid percent-encoded UTF-8");
        }
        actor = Text.required(ACTOR_HEADER, actor, 100);
        String correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId == null || !CORRELATION_SHAPE.matcher(correlationId).matches()) {
            correlationId = UUID.randomUUID().toString();
        }
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId == null || !CORRELATION_SHAPE.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        response.setHeader(CORRELATION_HEADER, correlationId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        return new Requester(actor, correlationId, requestId);
    }
}
