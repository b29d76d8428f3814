package jp.budgetledger.core.api;

import java.util.List;

/**
 * One item of a supplementary budget: either a difference ({@code delta}) on an existing line
 * ({@code initiativeId}), or a new line ({@code newLine}, created with {@code initiativeId}). Either may set the line's
 * 繰越明許費 limit ({@code carryoverLimit}, null for none; 第2表 of the budget): the budget is the limit's basis once in force, and
 * the limit is checked as {@link SetCarryoverLimit} would check it against the line's amount after the item.
 */
public record SupplementaryItem(InitiativeId initiativeId, Money delta, NewLine newLine, Money carryoverLimit) {

    /** An item that sets no 繰越明許費. */
    public SupplementaryItem(InitiativeId initiativeId, Money delta, NewLine newLine) {
        this(initiativeId, delta, newLine, null);
    }

    /** This item, setting the line's 繰越明許費 limit to {@code limit} (null for none). */
    public SupplementaryItem withCarryoverLimit(Money limit) {
        return new SupplementaryItem(initiativeId, delta, newLine, limit);
    }

    /** A line the supplementary budget creates; {@code classification} null for a line without 会計 and 科目. */
    public record NewLine(Category category, Department department, String name, String summary, Money amount,
                          Classification classification) {

        public NewLine(Category category, Department department, String name, String summary, Money amount) {
            this(category, department, name, summary, amount, null);
        }
    }

    public static SupplementaryItem change(InitiativeId id, Money delta) {
        return new SupplementaryItem(id, delta, null);
    }

    public static SupplementaryItem create(InitiativeId id, NewLine line) {
        return new SupplementaryItem(id, null, line);
    }

    /**
     * An unmodifiable copy of {@code items}.
     *
     * @throws InvalidValueException on field {@code items} when there are none
     */
    public static List<SupplementaryItem> requireSome(List<SupplementaryItem> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidValueException("items", "a supplementary budget needs at least one item");
        }
        return List.copyOf(items);
    }

    /** True for a new line (named so that it is no property of the JSON form, where {@code newLine} is the line). */
    public boolean addsLine() {
        return newLine != null;
    }
}
