package jp.budgetledger.core.api;

import java.text.Normalizer;

/**
 * Parses integers as people write them in Japanese budget documents: full-width digits and
 * commas ({@code ３７，７８６}), thousands separators, surrounding spaces, and {@code △} or
 * {@code ▲} (or {@code -}) as the minus sign.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Parses {@code text} as an exact {@code long}.
     *
     * @throws InvalidValueException naming {@code field} when the text is not an integer or does not fit in a long
     */
    public static long parseLong(String field, String text) {
        if (text == null) {
            throw new InvalidValueException(field, "must not be blank");
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        boolean negative = false;
        if (!s.isEmpty() && "△▲-−".indexOf(s.charAt(0)) >= 0) {
            negative = true;
            s = s.substring(1).strip();
        } else if (s.startsWith("+")) {
            s = s.substring(1).strip();
        }
        s = s.replace(",", "").replace("_", "");
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException(field, "must be an integer, got '" + text.strip() + "'");
        }
        try {
            return Long.parseLong(negative ? "-" + s : s);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "is out of range (at most " + Long.MAX_VALUE + ")");
        }
    }
}
