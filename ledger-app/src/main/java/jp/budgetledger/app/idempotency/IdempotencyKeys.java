package jp.budgetledger.app.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.budgetledger.app.eventstore.AppendedPositions;
import jp.budgetledger.core.api.ApprovalResult;
import jp.budgetledger.core.api.Identifiers;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code idempotency_key} table. A key belongs to a user and expires {@code ledger.idempotency.ttl} (default 24h) after
 * it was first used: an expired key is a new request, and expired rows are purged every {@code ledger.idempotency.purge-interval}
 * (a plain delete, harmless when several nodes purge at once).
 * <p>
 * As a command handler interceptor it claims the key of the current {@link IdempotentRequest} in the transaction of the
 * request's first command, as that command's unit of work prepares to commit (after its events were appended): the row
 * holds the request's hash and the command's outcome. If the transaction rolls back, so does the row and the key stays free;
 * if it commits, a retry finds the row even when the response was never written. Two requests with one key cannot both
 * commit: the claim takes a transaction-scoped advisory lock on the key (a second claimant while the first still commits is
 * refused with {@link IdempotencyKeyInFlightException}) and the primary key refuses a second row.
 */
@Component
public class IdempotencyKeys implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Duration ttl;

    public IdempotencyKeys(JdbcClient jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                           @Value("${ledger.idempotency.ttl:24h}") Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalStateException("ledger.idempotency.ttl must be positive, not " + ttl);
        }
        this.jdbc = jdbc;
        this.json = json;
        this.ttl = ttl;
    }

    /** A key's row: the request's hash, the first command's outcome once committed, and the response once written. */
    public record Stored(String hash, String outcome, Integer status, String contentType, String location, byte[] body) {
    }

    /** The user's unexpired row for {@code key}, as committed. */
    public Optional<Stored> find(String user, String key) {
        return jdbc.sql("""
                        SELECT request_hash, outcome, status, content_type, location, body FROM idempotency_key
                        WHERE username = ? AND idempotency_key = ? AND created_at > now() - ? * interval '1 millisecond'""")
                .params(user, key, ttl.toMillis())
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)))
                .optional();
    }

    /**
     * Serves {@code action} as the request with this key; {@code replay} is the first command's recorded outcome on a retry.
     * The ids the request makes are derived from a seed kept with the outcome, so that a retry answered from it names the same ids.
     */
    public <T> T serve(String user, String key, String hash, IdempotentRequest.Outcome replay, RequestAction<T> action)
            throws Exception {
        String seed = replay != null && replay.seed() != null ? replay.seed() : UUID.randomUUID().toString();
        IdempotentRequest request = IdempotentRequest.begin(user, key, hash, replay, seed);
        try {
            return Identifiers.seeded(seed, () -> action.run(request));
        } finally {
            IdempotentRequest.end();
        }
    }

    /** The request being served, as the filter sees it after the chain ran. */
    @FunctionalInterface
    public interface RequestAction<T> {
        T run(Served request) throws Exception;
    }

    /** What the filter may ask of the request it served. */
    public interface Served {
        /** Whether one of its commands committed the key's row. */
        boolean claimed();

        /** Whether it was answered from the first run's recorded outcome instead of sending its command again. */
        boolean replayed();

        /** Whether it was refused because the first request with the key was still committing. */
        boolean inFlight();
    }

    /** Adds the response to the key's row claimed by a command (only the first response written counts). */
    public void recordResponse(String user, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ?, completed_at = now()
                        WHERE username = ? AND idempotency_key = ? AND status IS NULL""")
                .params(status, contentType, location, body, user, key)
                .update();
    }

    /**
     * Keeps the answer of a request whose commands recorded nothing (it was refused), so that a retry gets the same answer.
     *
     * @return false when another request with the key committed first
     */
    public boolean recordRefusal(String user, String key, String hash, int status, String contentType, String location, byte[] body) {
        deleteExpired(user, key);
        return jdbc.sql("""
                        INSERT INTO idempotency_key (username, idempotency_key, request_hash, status, content_type, location, body, completed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING""")
                .params(user, key, hash, status, contentType, location, body)
                .update() == 1;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        IdempotentRequest request = IdempotentRequest.current();
        if (request == null || !unitOfWork.isRoot() || request.claimed()) {
            return interceptorChain.proceed();
        }
        Object result = interceptorChain.proceed();
        unitOfWork.onPrepareCommit(u -> claim(request, result));
        unitOfWork.afterCommit(u -> request.markClaimed());
        return result;
    }

    private void claim(IdempotentRequest request, Object result) {
        boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(lockKey(request.user, request.key))
                .query(Boolean.class).single();
        if (!locked) {
            request.markInFlight();
            throw new IdempotencyKeyInFlightException();
        }
        deleteExpired(request.user, request.key);
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_key (username, idempotency_key, request_hash, outcome) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(request.user, request.key, request.hash, encode(result, AppendedPositions.recorded(), request.seed))
                .update();
        if (inserted == 0) {
            request.markInFlight();
            throw new IdempotencyKeyInFlightException();
        }
    }

    private void deleteExpired(String user, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE username = ? AND idempotency_key = ? AND created_at <= now() - ? * interval '1 millisecond'")
                .params(user, key, ttl.toMillis()).update();
    }

    /** Deletes the expired keys. */
    @Scheduled(fixedDelayString = "${ledger.idempotency.purge-interval:1h}", initialDelayString = "${ledger.idempotency.purge-interval:1h}")
    public int purgeExpired() {
        int purged = jdbc.sql("DELETE FROM idempotency_key WHERE created_at <= now() - ? * interval '1 millisecond'")
                .param(ttl.toMillis()).update();
        if (purged > 0) {
            log.info("Purged {} expired idempotency keys", purged);
        }
        return purged;
    }

    private static long lockKey(String user, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("idempotency-key\n" + user + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome as JSON, or null (a lost response is then not recoverable) when the result cannot be written as JSON. */
    String encode(Object result, Map<String, Long> positions, String seed) {
        ObjectNode outcome = json.createObjectNode();
        Object value = result instanceof ApprovalResult approval ? approval.result() : result;
        if (result instanceof ApprovalResult approval) {
            outcome.put("changeId", approval.changeId());
        }
        outcome.put("seed", seed);
        outcome.put("type", result == null ? null : result.getClass().getName());
        outcome.put("valueType", value == null ? null : value.getClass().getName());
        try {
            outcome.set("value", json.valueToTree(value));
        } catch (IllegalArgumentException e) {
            log.warn("The outcome of a command ({}) cannot be kept with its idempotency key: {}", outcome.path("type").asText(), e.toString());
            return null;
        }
        outcome.set("positions", json.valueToTree(positions == null ? Map.of() : positions));
        try {
            return json.writeValueAsString(outcome);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("The outcome of a command ({}) cannot be kept with its idempotency key: {}", outcome.path("type").asText(), e.toString());
            return null;
        }
    }

    /** The outcome recorded by {@link #encode}. */
    public IdempotentRequest.Outcome decode(String outcome) {
        try {
            JsonNode node = json.readTree(outcome);
            Object value = node.get("valueType").isNull() ? null
                    : json.treeToValue(node.get("value"), Class.forName(node.get("valueType").asText()));
            Object result = ApprovalResult.class.getName().equals(node.path("type").asText())
                    ? new ApprovalResult(node.get("changeId").asText(), value) : value;
            Map<String, Long> positions = new HashMap<>();
            node.get("positions").fields().forEachRemaining(e -> positions.put(e.getKey(), e.getValue().asLong()));
            return new IdempotentRequest.Outcome(result, positions, node.path("seed").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an idempotency key's outcome names an unknown type", e);
        }
    }
}
