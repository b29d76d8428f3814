package jp.budgetledger.core.api;

/**
 * A budget category: the numbered section of a budget table ({@code code} "1", {@code name}
 * "スマート自治体の推進"). Two categories are the same when their codes are equal.
 */
public record Category(String code, String name) {

    public static final int MAX_CODE_LENGTH = 20;
    public static final int MAX_NAME_LENGTH = 200;

    public Category {
        code = Text.required("categoryCode", code == null ? null : Text.key(code), MAX_CODE_LENGTH);
        name = Text.required("categoryName", name, MAX_NAME_LENGTH);
    }

    /** The code of {@code category}, null for none (a classified line may have no category). */
    public static String codeOf(Category category) {
        return category == null ? null : category.code();
    }

    /** The name of {@code category}, null for none. */
    public static String nameOf(Category category) {
        return category == null ? null : category.name();
    }
}
