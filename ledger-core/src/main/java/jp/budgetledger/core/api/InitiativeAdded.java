package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/**
 * A budget line was added with its initial amount. {@code change.effectiveDate()} is never null.
 * The first event of every line (sequence 0). {@code classification} (会計, side, 科目) is null for a
 * line without one, and in every event recorded before lines had one; {@code category} may be null
 * for a classified line. {@code carriedFrom} is set only for a line a carry-over opened (繰越明許費, 事故繰越し): where it comes
 * from; such a line is outside its year's 当初予算 and its 会計's balance. {@code continuingExpenseId} names the 継続費 whose
 * share (年割額) of the year the line holds. Both are null for every other line.
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
        @JsonInclude(JsonInclude.Include.NON_NULL) CarriedFrom carriedFrom,
        @JsonInclude(JsonInclude.Include.NON_NULL) ContinuingExpenseId continuingExpenseId) implements LedgerEvent {

    public InitiativeAdded(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                           String name, Money amount, String summary, ChangeContext change) {
        this(initiativeId, fiscalYear, category, department, name, amount, summary, change, null, null, null);
    }

    /** A line neither carried over nor holding a share of a 継続費. */
    public InitiativeAdded(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                           String name, Money amount, String summary, ChangeContext change, Classification classification) {
        this(initiativeId, fiscalYear, category, department, name, amount, summary, change, classification, null, null);
    }

    /** A line a carry-over opened. */
    public InitiativeAdded(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                           String name, Money amount, String summary, ChangeContext change, Classification classification,
                           CarriedFrom carriedFrom) {
        this(initiativeId, fiscalYear, category, department, name, amount, summary, change, classification, carriedFrom, null);
    }

    /** A line that holds a share of a 継続費. */
    public InitiativeAdded(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                           String name, Money amount, String summary, ChangeContext change, Classification classification,
                           ContinuingExpenseId continuingExpenseId) {
        this(initiativeId, fiscalYear, category, department, name, amount, summary, change, classification, null, continuingExpenseId);
    }
}
