package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/**
 * A budget line was added with its initial amount. {@code change.effectiveDate()} is never null.
 * The first event of every line (sequence 0). {@code classification} (会計, side, 科目) is null for a
 * line without one, and in every event recorded before lines had one; {@code category} may be null
 * for a classified line. {@code continuingExpenseId} names the 継続費 whose share (年割額) of the year the line holds; null for
 * every other line.
 */
@Revision("1")
public record InitiativeAdded(
        InitiativeId initiativeId,
        FiscalYear fiscalYear,
        Category category,
        Department department,
        String name,
        Money amount,
        String summary,
        ChangeContext change,
        Classification classification,
        @JsonInclude(JsonInclude.Include.NON_NULL) ContinuingExpenseId continuingExpenseId) implements LedgerEvent {

    public InitiativeAdded(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                           String name, Money amount, String summary, ChangeContext change) {
        this(initiativeId, fiscalYear, category, department, name, amount, summary, change, null);
    }

    /** A line that holds no share of a 継続費. */
    public InitiativeAdded(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                           String name, Money amount, String summary, ChangeContext change, Classification classification) {
        this(initiativeId, fiscalYear, category, department, name, amount, summary, change, classification, null);
    }
}
