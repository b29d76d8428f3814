package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * A line moved between departments and/or categories from {@code change.effectiveDate()};
 * {@code amount} is the line's amount with every recorded change, which the totals move along.
 * {@code classificationBefore} / {@code classificationAfter} are the line's 会計, side and 科目 before
 * and after (a re-coding or renaming of its 科目, a move to another 目); both null for an unclassified
 * line and in every event recorded before lines had one.
 */
@Revision("1")
public record InitiativeReassigned(InitiativeId initiativeId, FiscalYear fiscalYear,
                                   Department departmentBefore, Department departmentAfter,
                                   Category categoryBefore, Category categoryAfter,
                                   Money amount, ChangeContext change,
                                   Classification classificationBefore, Classification classificationAfter) implements LedgerEvent {

    public InitiativeReassigned(InitiativeId initiativeId, FiscalYear fiscalYear, Department departmentBefore, Department departmentAfter,
                                Category categoryBefore, Category categoryAfter, Money amount, ChangeContext change) {
        this(initiativeId, fiscalYear, departmentBefore, departmentAfter, categoryBefore, categoryAfter, amount, change, null, null);
    }
}
