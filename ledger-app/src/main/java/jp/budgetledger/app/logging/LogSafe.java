package jp.budgetledger.app.logging;

/**
 * Request-controlled text (a user name, an actor, a path, a file name, an idempotency key) as it
 * may go into a log line: no line break or other control character (each becomes {@code _}), so
 * nobody can forge a second log line, and at most {@value #MAX_LENGTH} characters (longer text is
 * cut and ends with {@code …}).
 */
public final class LogSafe {

    public static final int MAX_LENGTH = 200;

    private LogSafe() {
    }

    /** The text safe to log; {@code null} stays {@code null}. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        boolean cut = value.codePointCount(0, value.length()) > MAX_LENGTH;
        String bounded = cut ? value.substring(0, value.offsetByCodePoints(0, MAX_LENGTH)) : value;
        StringBuilder out = new StringBuilder(bounded.length() + 1);
        bounded.codePoints().forEach(c -> out.appendCodePoint(unsafe(c) ? '_' : c));
        return cut ? out.append('…').toString() : out.toString();
    }

    private static boolean unsafe(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                || Character.getType(c) == Character.FORMAT;
    }
}
