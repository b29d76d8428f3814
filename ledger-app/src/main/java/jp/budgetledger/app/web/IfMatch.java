package jp.budgetledger.app.web;

import jp.budgetledger.core.api.InvalidValueException;

/**
 * The {@code If-Match} header of a write on a line: the version (ETag) the client last read,
 * {@code "3"}, {@code W/"3"} or {@code 3}. A write whose version is stale gets 412.
 */
final class IfMatch {

    static final String HEADER = "If-Match";

    private IfMatch() {
    }

    static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(HEADER, "must be a line version in quotes, such as \"3\"");
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
