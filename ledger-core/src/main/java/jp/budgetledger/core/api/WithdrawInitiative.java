package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/**
 * Withdraws a budget line (廃止) from its effective date: from then on its amount is zero and it
 * no longer counts as an active line; it stays in history and audit. Produces
 * {@link InitiativeWithdrawn}. {@code expectedVersion} (optional) guards against a stale write.
 */
public record WithdrawInitiative(@TargetAggregateIdentifier InitiativeId initiativeId,
                                 @TargetAggregateVersion Long expectedVersion,
                                 ChangeContext change) {
    public WithdrawInitiative {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(change, "change");
    }
}
