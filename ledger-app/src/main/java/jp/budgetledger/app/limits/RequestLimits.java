package jp.budgetledger.app.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.Collection;

/**
 * Settings under {@code ledger.limits}: what one request may carry, checked before its body is
 * parsed (a larger body is answered 413 and changes nothing).
 *
 * @param maxRequestBody the largest body of an API request other than an import (JSON)
 * @param maxImportBytes the largest document an import takes (別紙 text, budget CSV), over HTTP or on the command line
 * @param maxBillItems   the most items one supplementary budget (or its amended resolution) may have
 * @param maxListItems   the most entries of any other list in a request body (a clause's 項 or 節)
 */
@ConfigurationProperties("ledger.limits")
public record RequestLimits(
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("10MB") DataSize maxImportBytes,
        @DefaultValue("500") int maxBillItems,
        @DefaultValue("200") int maxListItems) {

    /** The limits when nothing is configured. */
    public static RequestLimits defaults() {
        return new RequestLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), 500, 200);
    }

    /** Throws when a document of {@code size} bytes is larger than an import takes. */
    public void requireImportSize(long size) {
        if (size > maxImportBytes.toBytes()) {
            throw new TooLargeException("body", maxImportBytes.toBytes(), size);
        }
    }

    /**
     * Throws {@link ListTooLongException} when {@code list} (the request's {@code field}) has more
     * than {@code max} entries; a null list passes.
     */
    public static void requireAtMost(String field, Collection<?> list, int max) {
        if (list != null && list.size() > max) {
            throw new ListTooLongException(field, max, list.size());
        }
    }

    /**
     * A request body or document larger than its limit: the field (usually {@code body}), the limit
     * and what was sent in bytes ({@code -1} when a body of unknown length was stopped once it passed the limit).
     */
    public static final class TooLargeException extends RuntimeException {
        private final String field;
        private final long limitBytes;
        private final long sentBytes;

        public TooLargeException(String field, long limitBytes, long sentBytes) {
            super("must be at most " + limitBytes + " bytes; the request has "
                    + (sentBytes < 0 ? "more (sent without a length, stopped at the limit)" : sentBytes));
            this.field = field;
            this.limitBytes = limitBytes;
            this.sentBytes = sentBytes;
        }

        /** A body of unknown length that went past {@code limitBytes}. */
        public static TooLargeException streamed(String field, long limitBytes) {
            return new TooLargeException(field, limitBytes, -1);
        }

        public String field() {
            return field;
        }

        public long limitBytes() {
            return limitBytes;
        }

        /** The bytes sent, or -1 when the body had no length and was stopped past the limit. */
        public long sentBytes() {
            return sentBytes;
        }
    }

    /** A list in a request with more entries than its limit. */
    public static final class ListTooLongException extends RuntimeException {
        private final String field;
        private final int limit;
        private final int size;

        public ListTooLongException(String field, int limit, int size) {
            super("must have at most " + limit + " entries; the request has " + size);
            this.field = field;
            this.limit = limit;
            this.size = size;
        }

        public String field() {
            return field;
        }

        public int limit() {
            return limit;
        }

        public int size() {
            return size;
        }
    }
}
