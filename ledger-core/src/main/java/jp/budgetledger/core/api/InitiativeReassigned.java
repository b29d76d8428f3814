package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * A line moved between departments and/or categories from {@code change.effectiveDate()};
 * {@code amount} is the line's amount with every recorded change, which the totals move along.
 */
@Revision("1")
public record InitiativeReassigned(InitiativeId initiativeId, FiscalYear fiscalYear,
                                   Department departmentBefore, Department departmentAfter,
                                   Category categoryBefore, Category categoryAfter,
                                   Money amount, ChangeContext change) implements LedgerEvent {
}
