package jp.budgetledger.core.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void arithmeticIsExact() {
        assertThat(Money.ofYen(37_786_000).plus(Money.ofYen(26_036_000))).isEqualTo(Money.ofYen(63_822_000));
        assertThat(Money.ofYen(1000).minus(Money.ofYen(1500))).isEqualTo(Money.ofYen(-500));
        assertThat(Money.ofThousandYen(312_451)).isEqualTo(Money.ofYen(312_451_000));
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.ofYen(Long.MAX_VALUE).plus(Money.ofYen(1)))
                .isInstanceOf(Money.AmountOutOfRangeException.class);
        assertThatThrownBy(() -> Money.ofYen(Long.MIN_VALUE).minus(Money.ofYen(1)))
                .isInstanceOf(Money.AmountOutOfRangeException.class);
        assertThatThrownBy(() -> Money.ofThousandYen(Long.MAX_VALUE / 100))
                .isInstanceOf(Money.AmountOutOfRangeException.class);
        assertThatThrownBy(() -> Money.ofYen(Long.MIN_VALUE).negate())
                .isInstanceOf(Money.AmountOutOfRangeException.class);
    }
}
