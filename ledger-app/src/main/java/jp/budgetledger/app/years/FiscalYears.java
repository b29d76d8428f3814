package jp.budgetledger.app.years;

import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Recorded;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.merkle.MerkleProofs;
import jp.budgetledger.app.merkle.SignedTreeHead;
import jp.budgetledger.app.merkle.TreeHeadSigner;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.CloseFiscalYear;
import jp.budgetledger.core.api.DraftId;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FiscalYearLifeId;
import jp.budgetledger.core.api.FiscalYearSealed;
import jp.budgetledger.core.api.ReopenFiscalYear;
import jp.budgetledger.core.api.SealFiscalYear;
import jp.budgetledger.core.domain.YearEndRules;
import jp.budgetledger.projections.years.FiscalYearQueries;
import jp.budgetledger.projections.years.FiscalYearTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Closes fiscal years and seals each close: once the close is committed, the Merkle log is extended to the settled head (which
 * then includes the close), a tree head is signed and {@link FiscalYearSealed} records it with the close. A close left without
 * a seal (the process stopped in between, or signing failed) is sealed by {@link #sealLeftUnsealed()} on a schedule.
 * A reopening is always recorded as a draft that another user must approve. Days are those of {@code ledger.calendar.zone}.
 */
@Service
public class FiscalYears {

    private static final Logger log = LoggerFactory.getLogger(FiscalYears.class);
    /** How old a close without a seal must be before the schedule seals it, so that it does not race the close's own seal. */
    private static final Duration UNSEALED_AFTER = Duration.ofSeconds(10);

    private final LedgerCommands commands;
    private final TreeHeadSigner signer;
    private final MerkleProofs proofs;
    private final FiscalYearQueries queries;
    private final ZoneId zone;

    public FiscalYears(LedgerCommands commands, TreeHeadSigner signer, MerkleProofs proofs, FiscalYearQueries queries,
                       @Value("${ledger.calendar.zone:Asia/Tokyo}") ZoneId zone) {
        this.commands = commands;
        this.signer = signer;
        this.proofs = proofs;
        this.queries = queries;
        this.zone = zone;
    }

    /**
     * A recorded close: its version and position, whether it was forced, and its seal: the signed tree head that includes
     * it and the close's inclusion proof in that tree (both null when the seal is left to the schedule).
     */
    public record Closed(FiscalYear fiscalYear, long version, long position, boolean forced, SignedTreeHead treeHead,
                         MerkleProofs.InclusionProof inclusionProof, Long sealPosition) {
    }

    /** A seal: the tree head kept with the close, and the position of the year's last event once it is recorded. */
    private record Sealed(SignedTreeHead head, long position) {
    }

    /** The day it is now in the ledger's time zone. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Closes {@code year} and seals the close.
     *
     * @throws jp.budgetledger.core.domain.FiscalYearLifeException when the year is closed already, or not settled and not forced
     */
    public Closed close(FiscalYear year, ChangeContext change, boolean force, Requester requester) {
        LocalDate today = today();
        Recorded<Long> recorded = commands.change(new CloseFiscalYear(year, change, force, today), FiscalYearLifeId.of(year), requester);
        boolean forced = !today.isAfter(YearEndRules.settlementEnd(year));
        try {
            Sealed sealed = seal(year, recorded.version(), recorded.position(), requester);
            return new Closed(year, recorded.version(), recorded.position(), forced, sealed.head(),
                    proofs.inclusion(recorded.position(), sealed.head().treeSize()).orElseThrow(), sealed.position());
        } catch (RuntimeException e) {
            log.warn("the close of fiscal year {} (position {}) is recorded but not sealed yet: {}", year, recorded.position(), e.getMessage());
            return new Closed(year, recorded.version(), recorded.position(), forced, null, null, null);
        }
    }

    /** Records a draft of the reopening of {@code year}, to take effect once another user approves it; refused when it is not closed. */
    public Recorded<DraftId> requestReopening(FiscalYear year, ChangeContext change, Requester requester) {
        return commands.draft(new ReopenFiscalYear(year, change, today()), requester);
    }

    private Sealed seal(FiscalYear year, long closeSequence, long closePosition, Requester requester) {
        SignedTreeHead head = signer.signNow();
        if (head.lastPosition() < closePosition) {
            throw new IllegalStateException("the tree of " + head.treeSize() + " leaves ends at position " + head.lastPosition()
                    + ", before the close at " + closePosition);
        }
        FiscalYearSealed.TreeHead sealed = new FiscalYearSealed.TreeHead(head.treeSize(), head.rootHash(), head.timestamp(), head.keyId(),
                head.signature(), head.lastPosition());
        Recorded<Long> recorded = commands.change(new SealFiscalYear(year, closeSequence, closePosition, sealed, new ChangeContext(today(),
                "確定の封印: tree head " + head.treeSize(), null)), FiscalYearLifeId.of(year), requester);
        return new Sealed(head, recorded.position());
    }

    /** Seals every close in force that has no seal yet (as the read model shows it). */
    @Scheduled(fixedDelayString = "${ledger.fiscal-years.seal-check:30s}", initialDelayString = "${ledger.fiscal-years.seal-check:30s}")
    public void sealLeftUnsealed() {
        for (FiscalYearTransition close : queries.unsealedCloses(Instant.now().minus(UNSEALED_AFTER))) {
            try {
                seal(FiscalYear.of(close.fiscalYear()), close.sequence(), close.position(), Requester.system("ledger"));
                log.info("sealed the close of fiscal year {} (position {})", close.fiscalYear(), close.position());
            } catch (RuntimeException e) {
                log.warn("could not seal the close of fiscal year {}: {}", close.fiscalYear(), e.getMessage());
            }
        }
    }
}
