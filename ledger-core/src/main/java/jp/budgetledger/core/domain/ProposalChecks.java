package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.ProposalKinds;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link ProposalCheck} of every kind of proposal, each registered with {@link #with}: a
 * proposal of a kind without one is refused as a programming error, never let through unchecked.
 */
public final class ProposalChecks implements ProposalCheck {

    private final Map<Class<? extends Proposal>, Function<Proposal, FiscalYear>> checks = new HashMap<>();

    /** This set of checks with {@code check} for proposals of {@code type}; it returns the fiscal year the proposal changes. */
    public <P extends Proposal> ProposalChecks with(Class<P> type, Function<? super P, FiscalYear> check) {
        ProposalKinds.of(type);
        checks.put(type, proposal -> check.apply(type.cast(proposal)));
        return this;
    }

    @Override
    public FiscalYear check(Proposal proposal) {
        Function<Proposal, FiscalYear> check = checks.get(proposal.getClass());
        if (check == null) {
            throw new IllegalStateException("no check registered for proposals of kind " + ProposalKinds.of(proposal));
        }
        return java.util.Objects.requireNonNull(check.apply(proposal), "the fiscal year a proposal changes");
    }
}
