package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * The kind of a carry-over into the next fiscal year: {@code explicit}, 繰越明許費 (地方自治法 第213条), within a limit the budget
 * set; {@code accident}, 事故繰越し (第220条第3項), without a limit, for a reason the law names.
 */
public enum CarryoverKind {
    EXPLICIT("explicit", "繰越明許費"),
    ACCIDENT("accident", "事故繰越し");

    private final String code;
    private final String japanese;

    CarryoverKind(String code, String japanese) {
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
     * Reads {@code explicit} or {@code accident} (also 繰越明許費, 事故繰越, 事故繰越し).
     *
     * @throws InvalidValueException naming {@code kind} for anything else
     */
    @JsonCreator
    public static CarryoverKind parse(String text) {
        String key = text == null ? "" : Text.key(text).toLowerCase(Locale.ROOT);
        return switch (key) {
            case "explicit", "繰越明許費", "明許" -> EXPLICIT;
            case "accident", "事故繰越", "事故繰越し" -> ACCIDENT;
            default -> throw new InvalidValueException("kind", "must be one of " + Arrays.stream(values()).map(CarryoverKind::code).toList()
                    + ", got '" + (text == null ? "" : text.strip()) + "'");
        };
    }
}
