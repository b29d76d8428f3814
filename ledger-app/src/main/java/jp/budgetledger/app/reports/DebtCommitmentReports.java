package jp.budgetledger.app.reports;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.document.BudgetTableLayout.Cell;
import jp.budgetledger.core.document.BudgetTableLayout.Kind;
import jp.budgetledger.core.document.BudgetTableLayout.Text;
import jp.budgetledger.projections.debt.DebtCommitmentQueries;
import jp.budgetledger.projections.debt.DebtCommitmentView;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 債務負担行為調書 (and 第3表 債務負担行為) of a fiscal year: per 会計, each commitment in force in the year (set in its budget,
 * or set earlier with a period covering it; abolished ones left out) with its 事項, 期間 (令和X年度から令和Y年度まで), 限度額 in 千円
 * and/or as printed words, the budget that set it (当初 or 補正第N号 with the bill's title) and its amendments. No total:
 * commitments are not amounts of a year.
 */
@Component
public class DebtCommitmentReports {

    public static final String TITLE = "債務負担行為調書";
    static final List<String> HEADERS = List.of("事項", "期間", "限度額", "限度額（文言）", "議決", "補正の経過");

    private final DebtCommitmentQueries commitments;

    public DebtCommitmentReports(DebtCommitmentQueries commitments) {
        this.commitments = commitments;
    }

    /** The 調書 of {@code year} as of the moment (null: everything recorded), of one 会計 ({@code account}'s code or name) or all. */
    public SubjectReports.Report report(FiscalYear year, String account, Instant asOf, LocalDate effectiveOn) {
        DocumentLayout layout = new DocumentLayout(year.japaneseName() + " " + TITLE, HEADERS);
        Map<String, List<DebtCommitmentView>> byAccount = commitments.ofYear(year.value(), account, asOf, effectiveOn).stream()
                .filter(c -> DebtCommitmentView.IN_FORCE.equals(c.state()))
                .collect(Collectors.groupingBy(DebtCommitmentReports::accountLabel, LinkedHashMap::new, Collectors.toList()));
        byAccount.forEach((label, list) -> {
            layout.section(label);
            layout.header();
            for (DebtCommitmentView c : list) {
                String period = period(c.periodFrom(), c.periodTo());
                String basis = basis(year, c);
                String amendments = amendments(c);
                Cell limit = c.limitYen() == null ? new Text("") : layout.amount(c.limitYen());
                layout.row(Kind.LINE, record(c, label, period, basis, amendments), new Text(c.matter()), new Text(period), limit,
                        new Text(c.limitText() == null ? "" : c.limitText()), new Text(basis), new Text(amendments));
            }
            layout.blank();
        });
        return layout.report(year);
    }

    private static String accountLabel(DebtCommitmentView c) {
        return c.accountCode() == null ? c.accountName() : c.accountCode() + " " + c.accountName();
    }

    /** 「令和8年度から令和12年度まで」. */
    static String period(int from, int to) {
        return FiscalYear.of(from).japaneseName() + "から" + FiscalYear.of(to).japaneseName() + "まで";
    }

    /** The budget that set it: 当初 or 補正第N号 with the bill's title, and its year when it is not {@code year}. */
    private static String basis(FiscalYear year, DebtCommitmentView c) {
        String of = c.fiscalYear() == year.value() ? "" : FiscalYear.of(c.fiscalYear()).japaneseName() + " ";
        return of + c.basis() + (c.basisTitle() == null ? "" : "（" + c.basisTitle() + "）");
    }

    /** Each amendment: 「補正第1号：限度額 120,000千円→150,000千円、期間 令和12年度まで→令和13年度まで」, joined by 「；」. */
    private static String amendments(DebtCommitmentView c) {
        List<String> parts = new ArrayList<>();
        for (DebtCommitmentView.Change change : c.history()) {
            if (!"amended".equals(change.kind())) {
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!java.util.Objects.equals(change.limitYenBefore(), change.limitYen())) {
                what.add("限度額 " + thousand(change.limitYenBefore()) + "→" + thousand(change.limitYen()));
            }
            if (!java.util.Objects.equals(change.limitTextBefore(), change.limitText())) {
                what.add("限度額（文言） " + (change.limitText() == null ? "なし" : change.limitText()));
            }
            if (change.periodToBefore() != null && change.periodToBefore() != change.periodTo()) {
                what.add("期間 " + FiscalYear.of(change.periodToBefore()).japaneseName() + "まで→"
                        + FiscalYear.of(change.periodTo()).japaneseName() + "まで");
            }
            parts.add(change.basis() + "：" + String.join("、", what));
        }
        return String.join("；", parts);
    }

    private static String thousand(Long yen) {
        if (yen == null) {
            return "なし";
        }
        return String.format("%,d千円", DocumentLayout.UNIT.fromMoney(Money.ofYen(yen)));
    }

    private static Map<String, Object> record(DebtCommitmentView c, String account, String period, String basis, String amendments) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", c.id());
        record.put("会計", account);
        record.put("事項", c.matter());
        record.put("所管", c.department());
        record.put("設定年度", c.fiscalYear());
        record.put("期間", period);
        record.put("期間（から）", c.periodFrom());
        record.put("期間（まで）", c.periodTo());
        record.put("限度額", c.limitYen() == null ? null : DocumentLayout.UNIT.fromMoney(Money.ofYen(c.limitYen())));
        record.put("限度額(円)", c.limitYen());
        record.put("限度額（文言）", c.limitText());
        record.put("議決", basis);
        record.put("補正の経過", amendments);
        return record;
    }
}
