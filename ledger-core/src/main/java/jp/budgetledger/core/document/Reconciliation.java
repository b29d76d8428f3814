package jp.budgetledger.core.document;

import jp.budgetledger.core.api.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares every printed 小計 and 合計 of a table with the sum of the lines it covers.
 *
 * @param checks every printed figure with the computed one
 */
public record Reconciliation(List<Check> checks) {

    /** One printed figure next to what its lines add up to. */
    public record Check(int row, String label, String sectionCode, Money printed, Money computed) {
        public boolean matches() {
            return printed.equals(computed);
        }
    }

    public static Reconciliation of(BudgetTable table, List<DocumentProblem> problems) {
        List<Check> checks = new ArrayList<>();
        for (BudgetTable.Section section : table.sections()) {
            BudgetTable.PrintedTotal subtotal = section.subtotal();
            if (subtotal != null) {
                checks.add(new Check(subtotal.row(), subtotal.label(), section.code(), subtotal.printed(), section.sum()));
            }
        }
        for (BudgetTable.PrintedTotal total : table.grandTotals()) {
            Money computed = Money.ZERO;
            if (total.sectionCodes().isEmpty()) {
                computed = table.sum();
            } else {
                for (String code : total.sectionCodes()) {
                    var section = table.section(code);
                    if (section.isEmpty()) {
                        problems.add(new DocumentProblem(total.row(), total.label(), "names section " + code + ", which the document does not have"));
                    } else {
                        computed = computed.plus(section.get().sum());
                    }
                }
            }
            checks.add(new Check(total.row(), total.label(), null, total.printed(), computed));
        }
        for (Check check : checks) {
            if (!check.matches()) {
                problems.add(new DocumentProblem(check.row(), check.label(), "printed " + format(check.printed(), table.unit())
                        + " but the lines add up to " + format(check.computed(), table.unit())));
            }
        }
        return new Reconciliation(checks);
    }

    private static String format(Money money, AmountUnit unit) {
        if (unit.isExact(money)) {
            return String.format("%,d %s", unit.fromMoney(money), unit.label());
        }
        return String.format("%,d 円", money.yen());
    }
}
