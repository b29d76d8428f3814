package jp.budgetledger.core.domain;

import jp.budgetledger.core.api.BarredSetsu;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.SetsuBarred;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.api.TransferClause;
import jp.budgetledger.core.api.TransferClauseRegistered;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a fiscal year's 予算総則 says about transfers, per 会計: its 項間流用 clauses and the 節 barred
 * as a source, as their events left them, in the order they were registered. A year without any
 * registered has none of either. Built by {@link #apply} from the year's events, both by
 * {@link BudgetProvisions} and by readers of the store.
 */
public final class GeneralProvisions {

    /** A registered clause and the 会計 it belongs to. */
    public record Clause(SubjectLevel account, TransferClause clause, ChangeContext change) {
    }

    /** A barred 節 and the 会計 it belongs to. */
    public record Barred(SubjectLevel account, BarredSetsu barred, ChangeContext change) {
    }

    private final List<Clause> clauses = new ArrayList<>();
    private final List<Barred> barred = new ArrayList<>();

    /** Takes in one event of the year's 予算総則; any other object is ignored. */
    public GeneralProvisions apply(Object event) {
        if (event instanceof TransferClauseRegistered registered) {
            clauses.add(new Clause(registered.account(), registered.clause(), registered.change()));
        } else if (event instanceof SetsuBarred setsuBarred) {
            barred.add(new Barred(setsuBarred.account(), setsuBarred.barred(), setsuBarred.change()));
        }
        return this;
    }

    public List<Clause> clauses() {
        return Collections.unmodifiableList(clauses);
    }

    public List<Barred> barredSetsus() {
        return Collections.unmodifiableList(barred);
    }

    /** The clause of {@code account} registered under {@code article}. */
    public Optional<TransferClause> clause(SubjectLevel account, String article) {
        return clauses.stream().filter(c -> c.account().sameAs(account) && c.clause().isArticle(article))
                .map(Clause::clause).findFirst();
    }

    /** The bar on {@code setsu} of {@code account}, if it is barred as a source; none for a line without 節. */
    public Optional<BarredSetsu> barred(SubjectLevel account, SubjectLevel setsu) {
        if (setsu == null) {
            return Optional.empty();
        }
        return barred.stream().filter(b -> b.account().sameAs(account) && b.barred().setsu().sameAs(setsu))
                .map(Barred::barred).findFirst();
    }
}
