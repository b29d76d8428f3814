package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A supplementary budget decided by 専決処分 was reported to the assembly, which approved or disapproved it on {@code on}. */
@Revision("1")
public record SenketsuReportedToAssembly(SupplementaryBudgetId budgetId, FiscalYear fiscalYear, AssemblyReportOutcome outcome,
                                         LocalDate on, ChangeContext change) implements LedgerEvent {
}
