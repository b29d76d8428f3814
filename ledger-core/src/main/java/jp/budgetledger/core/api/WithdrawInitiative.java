package jp.budgetledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/**
 * Withdraws a budget line from its effective date, abolished (廃止) or merged into another line
 * (統合): from then on its amount is zero and it no longer counts as an active line; it stays in
 * history and audit. Produces
 * {@link InitiativeWithdrawn}. {@code expectedVersion} (optional) guards against a stale write.
 */
public record WithdrawInitiative(@TargetAggregateIdentifier InitiativeId initiativeId,
                                 @TargetAggregateVersion Long expectedVersion,
                                 WithdrawalKind kind, InitiativeId mergedInto,
                                 ChangeContext change) {
    public WithdrawInitiative {
        Objects.requireNonNull(initiativeId, "initiativeId");
        Objects.requireNonNull(change, "change");
        kind = kind == null ? WithdrawalKind.ABOLISHED : kind;
        if ((kind == WithdrawalKind.MERGED) != (mergedInto != null)) {
            throw new InvalidValueException("mergedInto", "give mergedInto exactly when the kind is MERGED");
        }
        if (initiativeId.equals(mergedInto)) {
            throw new InvalidValueException("mergedInto", "a line cannot be merged into itself");
        }
    }

    /** Abolishes the line (廃止). */
    public static WithdrawInitiative abolish(InitiativeId id, Long expectedVersion, ChangeContext change) {
        return new WithdrawInitiative(id, expectedVersion, WithdrawalKind.ABOLISHED, null, change);
    }
}
