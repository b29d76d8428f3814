package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A command that may need four-eyes approval before it takes effect: recorded as a draft (起案),
 * it is carried, whole, inside the draft's events and sent as the requester's command once an
 * approver approves it. In JSON its {@code kind} names its type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TransferFunds.class, name = "transfer"),
        @JsonSubTypes.Type(value = UseReserveFund.class, name = "reserve-fund-use"),
        @JsonSubTypes.Type(value = SubmitSupplementaryBudget.class, name = "bill-submission"),
        @JsonSubTypes.Type(value = DecideSupplementaryBudgetBySenketsu.class, name = "senketsu"),
        @JsonSubTypes.Type(value = ReopenFiscalYear.class, name = "fiscal-year-reopening")
})
public interface Proposal {

    /** Why and from when the proposed change applies. */
    ChangeContext change();

    /** The id of the change it makes once in effect: the transfer's, the reserve-fund use's, the supplementary budget's or the fiscal year's life. */
    String changeId();
}
