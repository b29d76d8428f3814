package jp.budgetledger.core.api;

/**
 * A value does not have the shape its type requires. {@link #reason()} says what is wrong, in
 * words a user can act on. The value is named either by {@link #field()}, the name its caller gave
 * the input (a request field, a document column), or, where the ledger itself checks how values of a
 * command fit together, by {@link #concept()}, which the caller maps to its own input.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final Concept concept;
    private final String reason;

    public InvalidValueException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.concept = null;
        this.reason = reason;
    }

    public InvalidValueException(Concept concept, String reason) {
        super(concept.words() + ": " + reason);
        this.field = null;
        this.concept = concept;
        this.reason = reason;
    }

    /** The input as its caller named it; null when the value is named by {@link #concept()}. */
    public String field() {
        return field;
    }

    /** The concept the value gives; null when the value is named by {@link #field()}. */
    public Concept concept() {
        return concept;
    }

    public String reason() {
        return reason;
    }
}
