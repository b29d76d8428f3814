package jp.budgetledger.core.api;

/**
 * An event of a draft (起案) of a change that waits for approval. Draft events change no figure:
 * only the approved proposal's own events do, and those carry the approver and the draft in their metadata.
 */
public interface DraftEvent {

    DraftId draftId();
}
