package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.BarSetsu;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Concept;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.RegisterTransferClause;
import jp.budgetledger.core.api.SetsuBarred;
import jp.budgetledger.core.api.TransferClauseRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The 予算総則 of one fiscal year as far as transfers go ({@code provisions-<year>}): its 項間流用
 * clauses and its barred 節, per 会計. It comes into being with the first of them; a transfer reads it.
 * Its handlers return its version, the sequence number of the event they recorded.
 */
public class BudgetProvisions {

    @AggregateIdentifier
    private String id;
    private final GeneralProvisions provisions = new GeneralProvisions();
    private long version;

    protected BudgetProvisions() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RegisterTransferClause command) {
        if (provisions.clause(command.account(), command.clause().article()).isPresent()) {
            throw new ProvisionConflictException(Concept.CLAUSE, ProvisionConflictException.DUPLICATE_CLAUSE, "the 予算総則 of " + command.fiscalYear()
                    + " has a clause " + command.clause().article() + " for " + command.account().name() + " already");
        }
        apply(new TransferClauseRegistered(command.provisionsId(), command.fiscalYear(), command.account(), command.clause(),
                resolve(command.change(), command.fiscalYear())));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(BarSetsu command) {
        if (provisions.barred(command.account(), command.barred().setsu()).isPresent()) {
            throw new ProvisionConflictException(Concept.BARRED_SETSU, ProvisionConflictException.SETSU_ALREADY_BARRED, "節 " + command.barred().setsu().name()
                    + " of " + command.account().name() + " is barred as a source in " + command.fiscalYear() + " already");
        }
        apply(new SetsuBarred(command.provisionsId(), command.fiscalYear(), command.account(), command.barred(),
                resolve(command.change(), command.fiscalYear())));
        return version;
    }

    GeneralProvisions provisions() {
        return provisions;
    }

    private static ChangeContext resolve(ChangeContext change, FiscalYear fiscalYear) {
        return change.withDefaultEffectiveDate(fiscalYear.firstDay());
    }

    @EventSourcingHandler
    void on(TransferClauseRegistered event, @SequenceNumber long sequence) {
        id = event.provisionsId();
        version = sequence;
        provisions.apply(event);
    }

    @EventSourcingHandler
    void on(SetsuBarred event, @SequenceNumber long sequence) {
        id = event.provisionsId();
        version = sequence;
        provisions.apply(event);
    }
}
