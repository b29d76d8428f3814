package jp.budgetledger.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import jp.budgetledger.core.api.InvalidValueException;
import jp.budgetledger.core.api.Numbers;

import java.io.IOException;

/**
 * Integers in requests: JSON numbers, or strings as people type them ("３７，７８６", "1,500",
 * "△200"). Fractions, booleans, objects and numbers beyond the type's range are rejected with
 * an {@link InvalidValueException} naming the field.
 */
public abstract class LenientNumberDeserializer<T> extends JsonDeserializer<T> {

    abstract T convert(String field, long value);

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String field = p.currentName() == null ? "value" : p.currentName();
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new InvalidValueException(field, "is out of range (at most " + Long.MAX_VALUE + ")");
            }
            return convert(field, p.getLongValue());
        }
        if (token == JsonToken.VALUE_STRING) {
            return convert(field, Numbers.parseLong(field, p.getText()));
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            throw new InvalidValueException(field, "must be a whole number, got " + p.getText());
        }
        throw new InvalidValueException(field, "must be an integer");
    }

    /** For {@code Long} fields (amounts in yen). */
    public static class Longs extends LenientNumberDeserializer<Long> {
        @Override
        Long convert(String field, long value) {
            return value;
        }
    }

    /** For {@code Integer} fields (fiscal years). */
    public static class Integers extends LenientNumberDeserializer<Integer> {
        @Override
        Integer convert(String field, long value) {
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new InvalidValueException(field, "is out of range");
            }
            return (int) value;
        }
    }
}
