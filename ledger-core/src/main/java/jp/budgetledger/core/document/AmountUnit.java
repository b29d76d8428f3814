package jp.budgetledger.core.document;

import jp.budgetledger.core.api.Money;

import java.util.Arrays;
import java.util.Optional;

/** The unit a table prints its amounts in, as stated by its {@code (単位:千円)} line. */
public enum AmountUnit {
    YEN("円", 1),
    THOUSAND_YEN("千円", 1_000),
    MILLION_YEN("百万円", 1_000_000);

    private final String label;
    private final long yen;

    AmountUnit(String label, long yen) {
        this.label = label;
        this.yen = yen;
    }

    public String label() {
        return label;
    }

    /** The printed figure as exact yen. */
    public Money toMoney(long printed) {
        try {
            return Money.ofYen(Math.multiplyExact(printed, yen));
        } catch (ArithmeticException e) {
            throw new Money.AmountOutOfRangeException(printed + " " + label);
        }
    }

    /** Exact yen in this unit, rounded half away from zero (千円未満四捨五入). */
    public long fromMoney(Money money) {
        long value = money.yen();
        long quotient = value / yen;
        long remainder = Math.abs(value % yen);
        if (remainder * 2 >= yen) {
            quotient += value < 0 ? -1 : 1;
        }
        return quotient;
    }

    public boolean isExact(Money money) {
        return money.yen() % yen == 0;
    }

    public static Optional<AmountUnit> ofLabel(String label) {
        return Arrays.stream(values()).filter(u -> u.label.equals(label)).findFirst();
    }
}
