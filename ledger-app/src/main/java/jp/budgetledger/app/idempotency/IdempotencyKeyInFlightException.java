package jp.budgetledger.app.idempotency;

/** The first request with this idempotency key is still committing; the retry changed nothing and may be sent again. */
public class IdempotencyKeyInFlightException extends RuntimeException {

    public IdempotencyKeyInFlightException() {
        super("the first request with this key is still running; send the retry again in a moment");
    }
}
