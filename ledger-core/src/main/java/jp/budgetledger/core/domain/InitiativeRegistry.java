package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.InitiativeId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Set-wide uniqueness of budget lines. Implementations must take part in the transaction of
 * the command that calls them, so that a claim made by a command that later fails is undone,
 * and must be safe against two concurrent claims of the same key.
 */
public interface InitiativeRegistry {

    /**
     * Claims {@code key} for {@code id}.
     *
     * @return empty when the claim succeeded, otherwise the id of the line that already holds the key
     */
    Optional<InitiativeId> claim(InitiativeKey key, InitiativeId id);

    /** Gives up {@code key} held by {@code id} (after a rename or a move to another department). */
    void release(InitiativeKey key, InitiativeId id);

    /** One claim of {@link #claim}: {@code key} for {@code id}. */
    record Claim(InitiativeKey key, InitiativeId id) {
    }

    /**
     * Makes {@code claims} as {@link #claim} makes them one after the other in the order given; an
     * implementation may do it in fewer round trips. The caller fails its transaction when any of them failed.
     *
     * @return the outcome of each claim, in the order given: empty when it succeeded, otherwise the id of the holder
     */
    default List<Optional<InitiativeId>> claimAll(List<Claim> claims) {
        List<Optional<InitiativeId>> outcomes = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            outcomes.add(claim(claim.key(), claim.id()));
        }
        return outcomes;
    }
}
