package jp.budgetledger.core.api;

/**
 * What approving a draft gave: the id of the change its proposal made ({@link Proposal#changeId()}) and
 * what the proposal's own handler returned.
 */
public record ApprovalResult(String changeId, Object result) {
}
