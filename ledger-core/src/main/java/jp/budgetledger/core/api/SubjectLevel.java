package jp.budgetledger.core.api;

/**
 * One level of a budget classification (会計, 款, 項, 目, 事業, 節, 細節) as the budget book prints
 * it: a code ("1", "01", "010") and a name ("総務費"). The code is optional (some books print names
 * only); a level without a code is identified by its name. Codes are kept as printed but compared by
 * {@link #key()}, which ignores full-width/half-width differences and leading zeros of numeric codes.
 */
public record SubjectLevel(String code, String name) {

    public static final int MAX_CODE_LENGTH = 20;
    public static final int MAX_NAME_LENGTH = 200;

    public SubjectLevel {
        code = code == null ? null : Text.optional("code", Text.key(code), MAX_CODE_LENGTH);
        name = Text.required("name", name, MAX_NAME_LENGTH);
    }

    public static SubjectLevel of(String code, String name) {
        return new SubjectLevel(code, name);
    }

    /** What identifies this level among its siblings: the code (numeric codes without leading zeros), else {@code "name:" + the name's key}. */
    public String key() {
        if (code == null) {
            return "name:" + Text.key(name);
        }
        return code.chars().allMatch(Character::isDigit) ? stripZeros(code) : code;
    }

    /**
     * Whether {@code other} names the same level as this one where either may be given by its name
     * only: by their codes' keys when both have a code, otherwise by their names' keys.
     */
    public boolean sameAs(SubjectLevel other) {
        if (other == null) {
            return false;
        }
        if (code != null && other.code != null) {
            return key().equals(other.key());
        }
        return Text.key(name).equals(Text.key(other.name));
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
