package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AssemblyReportOutcome;
import jp.budgetledger.core.api.BillProcedure;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.ReportSenketsuToAssembly;
import jp.budgetledger.core.api.ResolveSupplementaryBudget;
import jp.budgetledger.core.api.SenketsuReportedToAssembly;
import jp.budgetledger.core.api.SupplementaryBudgetEnacted;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import jp.budgetledger.core.api.SupplementaryBudgetResolved;
import jp.budgetledger.core.api.SupplementaryBudgetSubmitted;
import jp.budgetledger.core.api.SupplementaryItem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A supplementary budget (補正予算), the record its lines' changes point to, as a bill: submitted to the assembly and
 * resolved once (passed, amended or rejected), or decided by 専決処分 and reported to the assembly once. Its items come into
 * force only when passed, amended (the amended items) or decided.
 */
public class SupplementaryBudget {

    /** Where a bill stands. */
    enum State {
        SUBMITTED("submitted"), IN_FORCE("in force"), REJECTED("rejected");

        private final String words;

        State(String words) {
            this.words = words;
        }
    }

    @AggregateIdentifier
    private SupplementaryBudgetId id;
    private FiscalYear fiscalYear;
    private String name;
    private String reference;
    private BillProcedure procedure;
    private State state;
    private List<SupplementaryItem> submittedItems;
    private ChangeContext submission;
    private String account;
    private int number;
    private String title;
    private String billNumber;
    private AssemblyReportOutcome report;
    private LocalDate reportedOn;
    private long version;

    protected SupplementaryBudget() {
    }

    SupplementaryBudget(SupplementaryBudgetEnacted enacted) {
        apply(enacted);
    }

    SupplementaryBudget(SupplementaryBudgetSubmitted submitted) {
        apply(submitted);
    }

    /**
     * The items a resolution puts in force (the submitted ones, or the amended ones), recording the resolution; empty for a
     * rejection.
     *
     * @throws BillNotSubmittedException unless the budget is a submitted bill not yet resolved
     */
    List<SupplementaryItem> resolve(ResolveSupplementaryBudget command) {
        if (state != State.SUBMITTED) {
            throw new BillNotSubmittedException(id.value(), procedure == BillProcedure.SENKETSU ? "a 専決処分" : state.words);
        }
        apply(new SupplementaryBudgetResolved(id, fiscalYear, command.outcome(), command.resolvedOn(), command.items(),
                resolution(command)));
        return switch (command.outcome()) {
            case PASSED -> submittedItems;
            case AMENDED -> command.items();
            case REJECTED -> List.of();
        };
    }

    /** The change context of the items a resolution puts in force: effective on the resolution date. */
    ChangeContext resolution(ResolveSupplementaryBudget command) {
        return new ChangeContext(command.resolvedOn(), command.reason() == null ? submission.reason() : command.reason(), reference,
                submission.partOfSet());
    }

    FiscalYear fiscalYear() {
        return fiscalYear;
    }

    /** True when the budget's items are in force (passed, amended or decided by 専決処分). */
    boolean inForce() {
        return state == State.IN_FORCE;
    }

    /** Records that {@code items} came into force by the assembly's resolution. */
    SupplementaryBudgetEnacted enact(LocalDate resolvedOn, List<SupplementaryBudgetEnacted.Item> items, ChangeContext change) {
        SupplementaryBudgetEnacted enacted = new SupplementaryBudgetEnacted(id, fiscalYear, name, reference, resolvedOn, items, change,
                BillProcedure.ASSEMBLY, account, number, title, billNumber);
        apply(enacted);
        return enacted;
    }

    /**
     * Records the assembly's 承認 or 不承認 of a 専決処分; 不承認 leaves it in force.
     *
     * @throws NotSenketsuException unless the budget was decided by 専決処分
     * @return the budget's version after the report
     * @throws AssemblyAlreadyReportedException when its report is already recorded
     */
    @CommandHandler
    long handle(ReportSenketsuToAssembly command) {
        if (procedure != BillProcedure.SENKETSU) {
            throw new NotSenketsuException(id.value());
        }
        if (report != null) {
            throw new AssemblyAlreadyReportedException(id.value(), report.code(), reportedOn);
        }
        String reason = command.reason() != null ? command.reason()
                : (command.outcome() == AssemblyReportOutcome.APPROVED ? "専決処分の承認" : "専決処分の不承認");
        apply(new SenketsuReportedToAssembly(id, fiscalYear, command.outcome(), command.on(),
                new ChangeContext(command.on(), reason, reference)));
        return version;
    }

    @EventSourcingHandler
    void on(SupplementaryBudgetSubmitted event, @SequenceNumber long sequence) {
        version = sequence;
        id = event.budgetId();
        fiscalYear = event.fiscalYear();
        name = event.name();
        reference = event.reference();
        procedure = BillProcedure.ASSEMBLY;
        state = State.SUBMITTED;
        submittedItems = event.items();
        submission = event.change();
        account = event.account();
        number = event.number();
        title = event.title();
        billNumber = event.billNumber();
    }

    @EventSourcingHandler
    void on(SupplementaryBudgetResolved event, @SequenceNumber long sequence) {
        version = sequence;
        state = event.outcome().inForce() ? State.IN_FORCE : State.REJECTED;
    }

    @EventSourcingHandler
    void on(SupplementaryBudgetEnacted event, @SequenceNumber long sequence) {
        version = sequence;
        id = event.budgetId();
        fiscalYear = event.fiscalYear();
        if (procedure == null) {
            name = event.name();
            reference = event.reference();
            procedure = event.procedureOrAssembly();
        }
        state = State.IN_FORCE;
    }

    @EventSourcingHandler
    void on(SenketsuReportedToAssembly event, @SequenceNumber long sequence) {
        version = sequence;
        report = event.outcome();
        reportedOn = event.on();
    }
}
