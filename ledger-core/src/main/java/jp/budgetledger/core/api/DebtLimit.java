package jp.budgetledger.core.api;

/**
 * The 限度額 of a 債務負担行為: an amount ({@code yen}), a text as the budget book prints it when the limit is not a fixed
 * amount (「○○の額に消費税及び地方消費税の額を加えた額」), or both. At least one is given.
 */
public record DebtLimit(Money yen, String text) {

    public static final int MAX_TEXT_LENGTH = 1000;

    public DebtLimit {
        text = Text.optional("limitText", text, MAX_TEXT_LENGTH);
        if (yen == null && text == null) {
            throw new InvalidValueException("limitYen", "give the 限度額 as limitYen, limitText or both");
        }
        if (yen != null && yen.isNegative()) {
            throw new InvalidValueException("limitYen", "must not be negative");
        }
    }

    public static DebtLimit of(Money yen, String text) {
        return new DebtLimit(yen, text);
    }
}
