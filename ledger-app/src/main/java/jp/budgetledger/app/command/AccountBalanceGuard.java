package jp.budgetledger.app.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.budgetledger.core.api.AmountAmended;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.Classification;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InitiativeAdded;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.Side;
import jp.budgetledger.core.api.SubjectLevel;
import jp.budgetledger.core.domain.AccountBalance;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps the balance of each 会計 ({@code account_balance}) and the 会計 and side of each classified line
 * ({@code account_balance_line}) in the transaction of the command whose events change them, and refuses a unit of work
 * that leaves a 会計 with lines on both sides unbalanced (a line carried from the year before, 繰越明許費 or 事故繰越し, is outside the
 * balance of its year's budget and takes no part) ({@link AccountBalance#requireBalanced}), unless each of its
 * changes of that 会計 is flagged {@link ChangeContext#partOfSet()}. Subscribed to the event bus ({@link #handle}, see
 * {@code AxonConfig}), it is given the events of each unit of work as they are appended, in its transaction: its exception
 * fails the command and rolls back its events with it. It reads them as a list, without Axon's per-event handling of an
 * event processor (a unit of work, interceptors, monitors and handler look-up for every event, which is most of what it
 * cost the bulk load of unclassified lines).
 * <p>
 * A unit of work's changes are summed in memory and written, 会計 by 会計 in a fixed order with their rows locked, when it
 * prepares to commit, so concurrent changes of one 会計 are checked one after the other. Unclassified lines take no part
 * and cost no SQL: whether a line is classified is known from its addition (kept in memory once committed) or looked up
 * once by its id.
 */
@Component
public class AccountBalanceGuard {

    private static final String PENDING = AccountBalanceGuard.class.getName() + ".pending";
    private static final int REMEMBERED_LINES = 100_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionManager transactionManager;
    private final Cache<String, Optional<LineAccount>> lines = Caffeine.newBuilder().maximumSize(REMEMBERED_LINES).build();

    public AccountBalanceGuard(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactionManager = transactionManager;
    }

    /** Where a classified line counts: its fiscal year, 会計 (key and as printed) and side. */
    record LineAccount(int fiscalYear, String accountKey, String account, Side side) {

        static LineAccount of(FiscalYear fiscalYear, Classification classification) {
            SubjectLevel account = classification.account();
            return new LineAccount(fiscalYear.value(), account.key(),
                    account.code() == null ? account.name() : account.code() + " " + account.name(), classification.side());
        }

        AccountRef ref() {
            return new AccountRef(fiscalYear, accountKey);
        }
    }

    /** One 会計 of one fiscal year. */
    record AccountRef(int fiscalYear, String accountKey) implements Comparable<AccountRef> {
        @Override
        public int compareTo(AccountRef other) {
            int byYear = Integer.compare(fiscalYear, other.fiscalYear);
            return byYear != 0 ? byYear : accountKey.compareTo(other.accountKey);
        }
    }

    /**
     * Takes {@code events}, published together, into the current unit of work's changes, written and checked when it
     * prepares to commit; published outside a unit of work (the bench's bulk load), in one of their own, in the caller's
     * transaction if there is one.
     */
    public void handle(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            take(events, pending());
            return;
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactionManager);
            take(events, pending());
        } catch (RuntimeException | Error e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    private void take(List<? extends EventMessage<?>> events, Pending pending) {
        for (EventMessage<?> message : events) {
            Object payload = message.getPayload();
            if (payload instanceof AmountAmended amended) {
                on(amended, pending);
            } else if (payload instanceof InitiativeAdded added) {
                on(added, pending);
            } else if (payload instanceof InitiativeWithdrawn withdrawn) {
                on(withdrawn, pending);
            }
        }
    }

    private void on(InitiativeAdded event, Pending pending) {
        String id = event.initiativeId().value();
        if (event.classification() == null || event.carriedFrom() != null) {
            pending.added.put(id, Optional.empty());
            return;
        }
        LineAccount line = LineAccount.of(event.fiscalYear(), event.classification());
        pending.added.put(id, Optional.of(line));
        pending.newLines.add(new Object[]{id, line.fiscalYear(), line.accountKey(), line.account(), line.side().code()});
        pending.change(line, event.amount().yen(), 1, event.change());
    }

    private void on(AmountAmended event, Pending pending) {
        lineOf(pending, event.initiativeId()).ifPresent(line -> pending.change(line, event.delta().yen(), 0, event.change()));
    }

    private void on(InitiativeWithdrawn event, Pending pending) {
        lineOf(pending, event.initiativeId()).ifPresent(line -> pending.change(line, -event.amountBefore().yen(), -1, event.change()));
    }

    /** A classified line as the events leave it: its amount with every recorded change, or withdrawn. */
    public record RebuiltLine(InitiativeId initiativeId, FiscalYear fiscalYear, Classification classification, long amountYen,
                              boolean withdrawn) {
    }

    /**
     * Replaces both tables with the balances of {@code classified}, every classified line of the store (a restore), in the
     * caller's transaction.
     */
    public void rebuild(Collection<RebuiltLine> classified) {
        jdbc.sql("DELETE FROM account_balance_line").update();
        jdbc.sql("DELETE FROM account_balance").update();
        Map<List<Object>, long[]> totals = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (RebuiltLine rebuilt : classified) {
            LineAccount line = LineAccount.of(rebuilt.fiscalYear(), rebuilt.classification());
            rows.add(new Object[]{rebuilt.initiativeId().value(), line.fiscalYear(), line.accountKey(), line.account(), line.side().code()});
            long[] total = totals.computeIfAbsent(List.of(line.fiscalYear(), line.accountKey(), line.side().code()), key -> new long[2]);
            if (!rebuilt.withdrawn()) {
                total[0] = Math.addExact(total[0], rebuilt.amountYen());
                total[1]++;
            }
        }
        jdbcTemplate.batchUpdate("INSERT INTO account_balance_line (initiative_id, fiscal_year, account_key, account_name, side) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
        jdbcTemplate.batchUpdate("INSERT INTO account_balance (fiscal_year, account_key, side, total_yen, line_count) VALUES (?, ?, ?, ?, ?)",
                totals.entrySet().stream().map(e -> new Object[]{e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
                        e.getValue()[0], e.getValue()[1]}).toList());
        lines.invalidateAll();
    }

    private Optional<LineAccount> lineOf(Pending pending, InitiativeId id) {
        Optional<LineAccount> added = pending.added.get(id.value());
        if (added != null) {
            return added;
        }
        Optional<LineAccount> known = lines.getIfPresent(id.value());
        if (known != null) {
            return known;
        }
        Optional<LineAccount> stored = jdbc.sql("SELECT fiscal_year, account_key, account_name, side FROM account_balance_line "
                        + "WHERE initiative_id = ?")
                .param(id.value())
                .query((rs, row) -> new LineAccount(rs.getInt(1), rs.getString(2), rs.getString(3), Side.parse(rs.getString(4))))
                .optional();
        lines.put(id.value(), stored);
        return stored;
    }

    /** The changes of the current unit of work, written and checked once when it prepares to commit. */
    private Pending pending() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            root.onPrepareCommit(u -> write(pending));
            return pending;
        });
    }

    private void write(Pending pending) {
        if (!pending.newLines.isEmpty()) {
            jdbcTemplate.batchUpdate("INSERT INTO account_balance_line (initiative_id, fiscal_year, account_key, account_name, side) "
                    + "VALUES (?, ?, ?, ?, ?)", pending.newLines);
        }
        pending.accounts.forEach(this::writeAndCheck);
        Map<String, Optional<LineAccount>> added = pending.added;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    lines.putAll(added);
                }
            });
        } else {
            lines.putAll(added);
        }
    }

    private void writeAndCheck(AccountRef ref, AccountChange change) {
        Map<Side, long[]> totals = new HashMap<>();
        jdbc.sql("SELECT side, total_yen, line_count FROM account_balance WHERE fiscal_year = ? AND account_key = ? "
                        + "ORDER BY side FOR UPDATE")
                .params(ref.fiscalYear(), ref.accountKey())
                .query(rs -> {
                    totals.put(Side.parse(rs.getString(1)), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        for (Side side : Side.values()) {
            long[] delta = change.bySide.get(side);
            if (delta == null) {
                continue;
            }
            long[] total = totals.computeIfAbsent(side, s -> new long[2]);
            total[0] = Math.addExact(total[0], delta[0]);
            total[1] += delta[1];
            jdbc.sql("""
                            INSERT INTO account_balance (fiscal_year, account_key, side, total_yen, line_count) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (fiscal_year, account_key, side) DO UPDATE SET total_yen = EXCLUDED.total_yen,
                            line_count = EXCLUDED.line_count""")
                    .params(ref.fiscalYear(), ref.accountKey(), side.code(), total[0], total[1])
                    .update();
        }
        long[] revenue = totals.getOrDefault(Side.REVENUE, new long[2]);
        long[] expenditure = totals.getOrDefault(Side.EXPENDITURE, new long[2]);
        new AccountBalance(revenue[0], revenue[1], expenditure[0], expenditure[1])
                .requireBalanced(FiscalYear.of(ref.fiscalYear()), change.account, !change.unflagged);
    }

    /** What one unit of work changes: lines added (classified or not), new classified lines, and each 会計's differences. */
    private static final class Pending {
        final Map<String, Optional<LineAccount>> added = new HashMap<>();
        final List<Object[]> newLines = new ArrayList<>();
        final TreeMap<AccountRef, AccountChange> accounts = new TreeMap<>();

        void change(LineAccount line, long yen, int lineCount, ChangeContext context) {
            AccountChange change = accounts.computeIfAbsent(line.ref(), ref -> new AccountChange(line.account()));
            long[] delta = change.bySide.computeIfAbsent(line.side(), side -> new long[2]);
            delta[0] = Math.addExact(delta[0], yen);
            delta[1] += lineCount;
            change.unflagged |= !context.flaggedAsPartOfSet();
        }
    }

    /** One 会計's differences per side (yen, lines) in a unit of work, and whether any of them was not flagged as part of a set. */
    private static final class AccountChange {
        final String account;
        final Map<Side, long[]> bySide = new EnumMap<>(Side.class);
        boolean unflagged;

        AccountChange(String account) {
            this.account = account;
        }
    }
}
