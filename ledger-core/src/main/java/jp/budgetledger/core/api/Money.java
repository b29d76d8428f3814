package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An exact amount of yen. Arithmetic never overflows silently: a result outside the range of
 * {@code long} throws {@link AmountOutOfRangeException}. Serialised as a JSON integer of yen.
 * Amounts may be negative (a decrease); whether a negative amount is allowed is a domain rule.
 */
public record Money(long yen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    @JsonCreator
    public static Money ofYen(long yen) {
        return yen == 0 ? ZERO : new Money(yen);
    }

    /** An amount given in thousands of yen (千円), the unit of most budget documents. */
    public static Money ofThousandYen(long thousandYen) {
        try {
            return new Money(Math.multiplyExact(thousandYen, 1000L));
        } catch (ArithmeticException e) {
            throw new AmountOutOfRangeException(thousandYen + " 千円");
        }
    }

    @JsonValue
    @Override
    public long yen() {
        return yen;
    }

    public Money plus(Money other) {
        try {
            return ofYen(Math.addExact(yen, other.yen));
        } catch (ArithmeticException e) {
            throw new AmountOutOfRangeException(yen + " + " + other.yen);
        }
    }

    public Money minus(Money other) {
        try {
            return ofYen(Math.subtractExact(yen, other.yen));
        } catch (ArithmeticException e) {
            throw new AmountOutOfRangeException(yen + " - " + other.yen);
        }
    }

    public Money negate() {
        try {
            return ofYen(Math.negateExact(yen));
        } catch (ArithmeticException e) {
            throw new AmountOutOfRangeException("-(" + yen + ")");
        }
    }

    public boolean isNegative() {
        return yen < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(yen, other.yen);
    }

    @Override
    public String toString() {
        return yen + " 円";
    }

    /** An arithmetic result does not fit in the range of a {@code long} of yen. */
    public static class AmountOutOfRangeException extends ArithmeticException {
        public AmountOutOfRangeException(String expression) {
            super("amount out of range: " + expression);
        }
    }
}
