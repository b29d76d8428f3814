package jp.budgetledger.core.api;

/** Lookup of an enum constant by the code it is written with in requests and events. */
final class Codes {

    private Codes() {
    }

    /**
     * The constant of {@code values} whose code is {@code code}.
     *
     * @throws InvalidValueException on {@code field} with {@code reason} when there is none
     */
    static <E> E parse(E[] values, java.util.function.Function<E, String> codeOf, String code, String field, String reason) {
        for (E value : values) {
            if (codeOf.apply(value).equals(code)) {
                return value;
            }
        }
        throw new InvalidValueException(field, reason);
    }
}
