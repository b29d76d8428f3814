package jp.budgetledger.app.reports;

import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.projections.budgets.SupplementaryBudgetView;
import jp.budgetledger.projections.temporal.Moment;
import jp.budgetledger.projections.temporal.TemporalQueries;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * 補正予算の概要 of one supplementary budget: 第1表 歳入歳出予算補正 ({@link SubjectReports#supplementaryTable1}), titled by the
 * bill's title (「令和N年度一般会計補正予算（第M号）」, or its name), with its 議案番号 and where it stands. 補正前の額 is the budget
 * just before the bill came into force; for a bill still submitted, or rejected, the budget as it stands now, and 計 what it
 * would be had the bill passed as submitted. A 修正可決's figures are its amended items.
 */
@Service
public class SupplementarySummaryReports {

    /** The title after the bill's own. */
    public static final String TITLE = "第1表 歳入歳出予算補正";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final SubjectReports subjects;
    private final TemporalQueries temporal;
    private final Stages stages;

    public SupplementarySummaryReports(SubjectReports subjects, TemporalQueries temporal, Stages stages) {
        this.subjects = subjects;
        this.temporal = temporal;
        this.stages = stages;
    }

    /** The summary of {@code budget}. */
    public SubjectReports.Report summary(SupplementaryBudgetView budget) {
        FiscalYear year = FiscalYear.of(budget.fiscalYear());
        Moment before = budget.inForce() ? stages.before(budget) : Moment.budgetOf(year, Instant.now());
        String version = "amended".equals(budget.state()) ? "amended" : SupplementaryBudgetView.SUBMITTED;
        List<TemporalQueries.PathTotal> items = temporal.billItems(year, budget.id(), version, before);
        String title = (budget.title() != null ? budget.title() : budget.name()) + " " + TITLE;
        return subjects.supplementaryTable1(year, title, notes(budget), before, items);
    }

    private static List<String> notes(SupplementaryBudgetView budget) {
        List<String> notes = new ArrayList<>();
        if (budget.billNumber() != null && !budget.billNumber().isBlank()) {
            notes.add("議案番号: " + budget.billNumber());
        }
        String state = switch (budget.state()) {
            case SupplementaryBudgetView.SUBMITTED -> "提出中" + on(" 提出", budget.submittedOn()) + "(計は原案のとおり可決されたものとした場合の額)";
            case "passed" -> "原案可決" + on(" 議決", budget.resolvedOn());
            case "amended" -> "修正可決" + on(" 議決", budget.resolvedOn()) + "(修正後の額)";
            case "rejected" -> "否決" + on(" 議決", budget.resolvedOn()) + "(予算は補正されていない。計は原案のとおり可決された場合の額)";
            case SupplementaryBudgetView.SENKETSU -> "専決処分" + on(" 処分", budget.decidedOn())
                    + (budget.assemblyReport() == null ? "" : "approved".equals(budget.assemblyReport()) ? "、議会承認" + on("", budget.assemblyReportOn())
                    : "、議会不承認" + on("", budget.assemblyReportOn()));
            default -> budget.state();
        };
        notes.add("状態: " + state);
        if (budget.inForce()) {
            notes.add("補正前の額: この補正予算が効力を生ずる直前の予算");
        } else {
            notes.add("補正前の額: 現在の予算");
        }
        return notes;
    }

    private static String on(String what, LocalDate day) {
        return day == null ? "" : what + " " + DAY.format(day);
    }
}
