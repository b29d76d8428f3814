package jp.budgetledger.app.command;

import jp.budgetledger.core.api.Proposal;
import jp.budgetledger.core.api.ProposalKinds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ledger.approval.required-for}: the kinds of change (the type names of
 * {@link Proposal}, e.g. {@code transfer}) that are recorded as drafts and take effect only once
 * an approver other than the requester approves them (four-eyes approval). Empty: none.
 */
@ConfigurationProperties("ledger.approval")
public record ApprovalSettings(List<String> requiredFor) {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSettings.class);

    public ApprovalSettings {
        requiredFor = requiredFor == null ? List.of()
                : requiredFor.stream().map(String::strip).filter(k -> !k.isEmpty()).map(k -> k.toLowerCase(Locale.ROOT)).toList();
        List<String> unknown = requiredFor.stream().filter(k -> !ProposalKinds.all().contains(k)).toList();
        if (!unknown.isEmpty()) {
            log.warn("ledger.approval.required-for names {}, which this version records no change as (known: {}); "
                    + "a misspelt kind would let that change through without approval", unknown, ProposalKinds.all());
        }
    }

    /** Whether {@code proposal}'s kind needs approval. */
    public boolean requires(Proposal proposal) {
        return kinds().contains(ProposalKinds.of(proposal));
    }

    private Set<String> kinds() {
        return requiredFor.stream().collect(Collectors.toUnmodifiableSet());
    }
}
