package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * A budget line was withdrawn from {@code change.effectiveDate()}; {@code amountBefore} was its
 * amount. Revision 2 added {@code kind} and {@code mergedInto} (the line it was merged into, for
 * {@link WithdrawalKind#MERGED}); revision-1 events are upcast as {@link WithdrawalKind#ABOLISHED}.
 */
@Revision("2")
public record InitiativeWithdrawn(InitiativeId initiativeId, FiscalYear fiscalYear, Category category, Department department,
                                  Money amountBefore, WithdrawalKind kind, InitiativeId mergedInto,
                                  ChangeContext change) implements LedgerEvent {
}
