package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * Identifies one imported budget document in one fiscal year: {@code doc-<fiscal year>-<SHA-256 of its bytes>},
 * so that importing the same file into the same fiscal year twice names the same document.
 */
public record DocumentId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public DocumentId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("documentId", "must be 1-128 characters of letters, digits, '-' or '_'");
        }
    }

    @JsonCreator
    public static DocumentId of(String value) {
        return new DocumentId(value);
    }

    public static DocumentId of(FiscalYear fiscalYear, String sha256) {
        return new DocumentId("doc-" + fiscalYear.value() + "-" + sha256);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
