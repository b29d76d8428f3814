package jp.budgetledger.core.api;

/**
 * A value does not have the shape its type requires. {@link #field()} names the input field
 * (as the API calls it) and {@link #reason()} says what is wrong, in words a user can act on.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidValueException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
