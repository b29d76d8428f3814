package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Records the assembly's 承認 or 不承認 on {@code on} of a supplementary budget decided by 専決処分; once per budget. 不承認 does
 * not undo the budget. Produces {@link SenketsuReportedToAssembly}.
 */
public record ReportSenketsuToAssembly(@TargetAggregateIdentifier SupplementaryBudgetId budgetId, AssemblyReportOutcome outcome,
                                       LocalDate on, String reason) {

    public ReportSenketsuToAssembly {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(on, "on");
        reason = Text.optional("reason", reason, ChangeContext.MAX_REASON_LENGTH);
    }
}
