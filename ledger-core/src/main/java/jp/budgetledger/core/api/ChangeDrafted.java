package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * {@code requester} drafted {@code proposal}, of the given {@code kind} (its JSON type name); it waits for approval.
 * {@code fiscalYear} is the fiscal year the proposal changes (null in drafts recorded before it was kept): the draft passes
 * the year's calendar as drafted, as the change itself does once approved.
 */
@Revision("1")
public record ChangeDrafted(DraftId draftId, String kind, Proposal proposal, String requester, FiscalYear fiscalYear)
        implements DraftEvent {

    /** A draft that does not name its fiscal year. */
    public ChangeDrafted(DraftId draftId, String kind, Proposal proposal, String requester) {
        this(draftId, kind, proposal, requester, null);
    }
}
