package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The side of a budget a line is on: 歳出 (expenditure) or 歳入 (revenue). Serialised as {@code "expenditure"} / {@code "revenue"}. */
public enum Side {
    EXPENDITURE("expenditure", "歳出"),
    REVENUE("revenue", "歳入");

    private final String code;
    private final String japanese;

    Side(String code, String japanese) {
        this.code = code;
        this.japanese = japanese;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String japanese() {
        return japanese;
    }

    /**
     * Reads a side as the API, a CSV column or a person writes it: {@code expenditure}, {@code revenue},
     * 歳出, 歳入 (also 支出, 収入).
     *
     * @throws InvalidValueException naming {@code side} for anything else
     */
    @JsonCreator
    public static Side parse(String text) {
        String key = text == null ? "" : Text.key(text).toLowerCase(Locale.ROOT);
        return switch (key) {
            case "expenditure", "歳出", "支出" -> EXPENDITURE;
            case "revenue", "歳入", "収入" -> REVENUE;
            default -> throw new InvalidValueException("side", "must be expenditure (歳出) or revenue (歳入)");
        };
    }
}
