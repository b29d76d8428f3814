package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.InitiativeId;

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
}
