package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.AbolishDebtCommitment;
import jp.budgetledger.core.api.AmendDebtCommitment;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.DebtCommitmentId;
import jp.budgetledger.core.api.DebtCommitmentSet;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.SetDebtCommitment;
import jp.budgetledger.core.api.SupplementaryBudgetId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.LocalDate;

/**
 * The commands of 債務負担行為: setting one in a year's budget (the 当初予算 or a supplementary budget in force of that year),
 * amending and abolishing it by a supplementary budget in force of the year that set it. The change takes effect on the
 * day its budget does unless the command says otherwise: 1 April of the year for the 当初予算 (the preceding March allowed),
 * the day a supplementary budget came into force; always within the fiscal year. A commitment of a department is changed only
 * by a sender allowed to act for it ({@link DepartmentScope}).
 */
public class DebtCommitmentHandlers {

    private final Repository<DebtCommitment> commitments;
    private final BudgetBasis basis;

    public DebtCommitmentHandlers(Repository<DebtCommitment> commitments, Repository<SupplementaryBudget> budgets) {
        this.commitments = commitments;
        this.basis = new BudgetBasis(budgets);
    }

    /**
     * @return the new commitment's version (0)
     * @throws BudgetBasisException when the supplementary budget named is unknown, of another year or not in force
     * @throws EffectiveDateOutsideFiscalYearException when the change would take effect outside the fiscal year
     */
    @CommandHandler
    public long handle(SetDebtCommitment command) throws Exception {
        if (command.department() != null) {
            DepartmentScope.require(command.department());
        }
        ChangeContext change = resolve(command.change(), command.fiscalYear(), command.supplementaryBudgetId());
        DebtCommitmentSet set = new DebtCommitmentSet(command.commitmentId(), command.fiscalYear(), command.matter(), command.account(),
                command.department(), command.periodFrom(), command.periodTo(), command.limit(),
                command.supplementaryBudgetId() == null ? null : command.supplementaryBudgetId().value(), change);
        commitments.newInstance(() -> new DebtCommitment(set));
        return 0L;
    }

    /** @return the commitment's new version */
    @CommandHandler
    public long handle(AmendDebtCommitment command) {
        Aggregate<DebtCommitment> commitment = load(command.commitmentId());
        ChangeContext change = byBudgetOfItsYear(commitment, command.supplementaryBudgetId(), command.change());
        commitment.execute(c -> c.amend(command, change));
        return commitment.invoke(DebtCommitment::version);
    }

    /** @return the commitment's new version */
    @CommandHandler
    public long handle(AbolishDebtCommitment command) {
        Aggregate<DebtCommitment> commitment = load(command.commitmentId());
        ChangeContext change = byBudgetOfItsYear(commitment, command.supplementaryBudgetId(), command.change());
        commitment.execute(c -> c.abolish(command, change));
        return commitment.invoke(DebtCommitment::version);
    }

    private Aggregate<DebtCommitment> load(DebtCommitmentId id) {
        return commitments.load(id.value());
    }

    private ChangeContext byBudgetOfItsYear(Aggregate<DebtCommitment> commitment, SupplementaryBudgetId budget, ChangeContext requested) {
        var department = commitment.invoke(DebtCommitment::department);
        if (department != null) {
            DepartmentScope.require(department);
        }
        return resolve(requested, commitment.invoke(DebtCommitment::fiscalYear), budget);
    }

    private ChangeContext resolve(ChangeContext requested, FiscalYear year, SupplementaryBudgetId budget) {
        LocalDate inForceOn = basis.inForceOn(budget, year);
        ChangeContext change = requested.withDefaultEffectiveDate(inForceOn != null && year.contains(inForceOn) ? inForceOn : year.firstDay());
        LocalDate date = change.effectiveDate();
        boolean precedingMarch = budget == null && date.getYear() == year.value() && date.getMonthValue() == 3;
        if (!year.contains(date) && !precedingMarch) {
            throw new EffectiveDateOutsideFiscalYearException(date, year);
        }
        return change;
    }
}
