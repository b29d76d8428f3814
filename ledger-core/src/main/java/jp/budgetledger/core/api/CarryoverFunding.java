package jp.budgetledger.core.api;

import java.util.Objects;

/**
 * How a carried amount is funded (財源内訳 of the 繰越計算書): 既収入特定財源 ({@code received}), and of the 未収入特定財源 国県支出金
 * ({@code nationalPrefectural}), 地方債 ({@code bonds}) and その他 ({@code other}); and 一般財源 ({@code general}). Each part is zero
 * or more; their sum must be the carried amount (checked by the carry-over).
 */
public record CarryoverFunding(Money received, Money nationalPrefectural, Money bonds, Money other, Money general) {

    public CarryoverFunding {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(nationalPrefectural, "nationalPrefectural");
        Objects.requireNonNull(bonds, "bonds");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(general, "general");
    }

    /** All of {@code amount} from 一般財源. */
    public static CarryoverFunding general(Money amount) {
        return new CarryoverFunding(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, amount);
    }

    /** True when some part is negative. */
    public boolean hasNegativePart() {
        return received.isNegative() || nationalPrefectural.isNegative() || bonds.isNegative() || other.isNegative() || general.isNegative();
    }

    /** The sum of the parts. */
    public Money total() {
        return received.plus(nationalPrefectural).plus(bonds).plus(other).plus(general);
    }
}
