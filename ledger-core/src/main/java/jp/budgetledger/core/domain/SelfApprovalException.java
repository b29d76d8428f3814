package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.DraftId;

/** Four eyes: the requester of a draft may not approve or reject it. */
public class SelfApprovalException extends LedgerRuleViolation {

    public SelfApprovalException(DraftId id, String user) {
        super(null, user + " requested draft " + id + " and may not decide it: another approver must");
    }

    @Override
    public String rule() {
        return "self-approval";
    }
}
