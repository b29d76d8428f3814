package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.ProposalKinds;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link ProposalCheck} of every kind of proposal, each registered with {@link #with}: a
 * proposal of a kind without one is refused as a programming error, never let through unchecked.
 */
public final class ProposalChecks implements ProposalCheck {

    private final Map<Class<? extends Proposal>, Consumer<Proposal>> checks = new HashMap<>();

    /** This set of checks with {@code check} for proposals of {@code type}. */
    public <P extends Proposal> ProposalChecks with(Class<P> type, Consumer<? super P> check) {
        ProposalKinds.of(type);
        checks.put(type, proposal -> check.accept(type.cast(proposal)));
        return this;
    }

    @Override
    public void check(Proposal proposal) {
        Consumer<Proposal> check = checks.get(proposal.getClass());
        if (check == null) {
            throw new IllegalStateException("no check registered for proposals of kind " + ProposalKinds.of(proposal));
        }
        check.accept(proposal);
    }
}
