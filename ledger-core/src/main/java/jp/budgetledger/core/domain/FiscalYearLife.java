package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.CloseFiscalYear;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.FiscalYearClosed;
import jp.budgetledger.core.api.FiscalYearLifeId;
import jp.budgetledger.core.api.FiscalYearReopened;
import jp.budgetledger.core.api.FiscalYearSealed;
import jp.budgetledger.core.api.MetadataKeys;
import jp.budgetledger.core.api.ReopenFiscalYear;
import jp.budgetledger.core.api.SealFiscalYear;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The life of one fiscal year ({@code fiscal-year-<year>}): closed (確定) at most once at a time, after its 出納整理期間 or
 * earlier when forced; each close sealed once with a signed tree head; reopened only when closed, and only from an approved
 * draft. It comes into being with its first close. Its handlers return its version (the sequence number of their event; a
 * seal that changes nothing, the version as it was).
 */
public class FiscalYearLife {

    @AggregateIdentifier
    private String id;
    private FiscalYear fiscalYear;
    private boolean closed;
    private long closeSequence = -1;
    private boolean sealed;
    private LocalDate closedOn;
    private long version;

    protected FiscalYearLife() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CloseFiscalYear command) {
        FiscalYear year = command.fiscalYear();
        if (closed) {
            throw FiscalYearLifeException.alreadyClosed(year);
        }
        boolean settled = command.closedOn().isAfter(YearEndRules.settlementEnd(year));
        if (!settled && !command.force()) {
            throw FiscalYearLifeException.notSettled(year, YearEndRules.settlementEnd(year));
        }
        apply(new FiscalYearClosed(year, command.change().from(command.closedOn()), !settled));
        return version;
    }

    /** Checks {@code command} against the rules {@link #handle(ReopenFiscalYear, String)} applies but the approval, changing nothing. */
    void check(ReopenFiscalYear command) {
        if (!closed) {
            throw FiscalYearLifeException.notClosed(command.fiscalYear());
        }
    }

    @CommandHandler
    public long handle(ReopenFiscalYear command, @MetaDataValue(MetadataKeys.APPROVED_BY) String approvedBy) {
        check(command);
        if (approvedBy == null || approvedBy.isBlank()) {
            throw FiscalYearLifeException.notApproved(command.fiscalYear());
        }
        apply(new FiscalYearReopened(command.fiscalYear(), command.change().from(command.reopenedOn())));
        return version;
    }

    @CommandHandler
    public long handle(SealFiscalYear command) {
        if (!closed || sealed || command.closeSequence() != closeSequence) {
            return version;
        }
        apply(new FiscalYearSealed(fiscalYear, command.change().withDefaultEffectiveDate(closedOn), closeSequence, command.closePosition(),
                command.head()));
        return version;
    }

    /**
     * Checks a proposed reopening against the year as {@code lives} holds it, changing nothing (a {@link ProposalCheck}).
     *
     * @return the year
     * @throws FiscalYearLifeException when the year is not closed
     */
    public static FiscalYear check(Repository<FiscalYearLife> lives, ReopenFiscalYear command) {
        try {
            lives.load(FiscalYearLifeId.of(command.fiscalYear())).execute(life -> life.check(command));
        } catch (AggregateNotFoundException e) {
            throw FiscalYearLifeException.notClosed(command.fiscalYear());
        }
        return command.fiscalYear();
    }

    @EventSourcingHandler
    void on(FiscalYearClosed event, @SequenceNumber long sequence) {
        id = FiscalYearLifeId.of(event.fiscalYear());
        fiscalYear = event.fiscalYear();
        closed = true;
        sealed = false;
        closeSequence = sequence;
        closedOn = event.change().effectiveDate();
        version = sequence;
    }

    @EventSourcingHandler
    void on(FiscalYearSealed event, @SequenceNumber long sequence) {
        sealed = sealed || event.closeSequence() == closeSequence;
        version = sequence;
    }

    @EventSourcingHandler
    void on(FiscalYearReopened event, @SequenceNumber long sequence) {
        closed = false;
        sealed = false;
        version = sequence;
    }
}
