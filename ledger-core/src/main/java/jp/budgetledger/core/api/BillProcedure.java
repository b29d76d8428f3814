package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a supplementary budget comes into force: by the assembly's resolution of a submitted bill ({@code assembly}), or by
 * the head's disposition in the assembly's place (専決処分, 地方自治法 第179条; {@code senketsu}), reported to the assembly later.
 */
public enum BillProcedure {
    ASSEMBLY("assembly"),
    SENKETSU("senketsu");

    private final String code;

    BillProcedure(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** @throws InvalidValueException on field {@code procedure} for anything but {@code assembly} or {@code senketsu} */
    @JsonCreator
    public static BillProcedure parse(String code) {
        return Codes.parse(values(), BillProcedure::code, code, "procedure", "must be assembly or senketsu");
    }
}
