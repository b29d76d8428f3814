package jp.budgetledger.core.api;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalisation rules for text typed by people or copied from documents.
 * {@link #clean} keeps what the user wrote (full-width characters included) but trims it and
 * folds runs of white space; {@link #key} is the form used to compare two texts for identity
 * (NFKC, so full-width and half-width spellings of the same name are the same key).
 */
public final class Text {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");

    private Text() {
    }

    /** Trimmed text with white-space runs (including the ideographic space) folded to one space; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    /** {@link #clean} but blank text becomes null. */
    public static String cleanOrNull(String text) {
        String cleaned = clean(text);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    /** The comparison key of a text: NFKC-normalised and cleaned. */
    public static String key(String text) {
        return clean(Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    /**
     * Requires a non-blank text of at most {@code maxLength} characters and returns it cleaned.
     *
     * @throws InvalidValueException naming {@code field} otherwise
     */
    public static String required(String field, String text, int maxLength) {
        String cleaned = cleanOrNull(text);
        if (cleaned == null) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return withinLength(field, cleaned, maxLength);
    }

    /** Like {@link #required} but blank text is allowed and becomes null. */
    public static String optional(String field, String text, int maxLength) {
        String cleaned = cleanOrNull(text);
        return cleaned == null ? null : withinLength(field, cleaned, maxLength);
    }

    private static String withinLength(String field, String text, int maxLength) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters");
        }
        return text;
    }
}
