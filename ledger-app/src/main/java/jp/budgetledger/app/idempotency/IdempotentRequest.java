package jp.budgetledger.app.idempotency;

import java.util.Map;

/**
 * The request with an {@code Idempotency-Key} the current thread is serving (commands run on the thread that sends them).
 * Its first command claims the key in that command's own transaction; on a retry whose first run committed but kept no
 * response, the first command is not sent again: {@link #takeReplay()} gives what it returned and where its events were appended.
 */
public final class IdempotentRequest implements IdempotencyKeys.Served {

    private static final ThreadLocal<IdempotentRequest> CURRENT = new ThreadLocal<>();

    /**
     * What a command returned, the positions of its events (aggregate id NUL sequence → position), and the seed the ids of
     * its request were made from ({@link jp.budgetledger.core.api.Identifiers}), so that the request run again names the same ids.
     */
    public record Outcome(Object result, Map<String, Long> positions, String seed) {
    }

    final String user;
    final String key;
    final String hash;
    final String seed;
    private Outcome replay;
    private boolean claimed;
    private boolean replayed;
    private boolean inFlight;

    private IdempotentRequest(String user, String key, String hash, Outcome replay, String seed) {
        this.user = user;
        this.key = key;
        this.hash = hash;
        this.replay = replay;
        this.seed = seed;
    }

    static IdempotentRequest begin(String user, String key, String hash, Outcome replay, String seed) {
        IdempotentRequest request = new IdempotentRequest(user, key, hash, replay, seed);
        CURRENT.set(request);
        return request;
    }

    static void end() {
        CURRENT.remove();
    }

    static IdempotentRequest current() {
        return CURRENT.get();
    }

    /** The recorded outcome of the request's first command when this is a retry of a run that committed, once; otherwise null. */
    public static Outcome takeReplay() {
        IdempotentRequest request = CURRENT.get();
        if (request == null || request.replay == null) {
            return null;
        }
        Outcome outcome = request.replay;
        request.replay = null;
        request.replayed = true;
        return outcome;
    }

    @Override
    public boolean replayed() {
        return replayed;
    }

    @Override
    public boolean claimed() {
        return claimed;
    }

    void markClaimed() {
        claimed = true;
    }

    @Override
    public boolean inFlight() {
        return inFlight;
    }

    void markInFlight() {
        inFlight = true;
    }
}
