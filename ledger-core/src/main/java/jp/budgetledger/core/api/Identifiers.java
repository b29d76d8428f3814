package jp.budgetledger.core.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The UUIDs new ids are made of: random, or, on a thread that serves a request under a seed ({@link #seeded}), derived from
 * the seed in the order they are asked for, so that running the same request again under the same seed names the same ids
 * (an idempotent request answered again after its response was lost).
 */
public final class Identifiers {

    private static final ThreadLocal<Seed> SEED = new ThreadLocal<>();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final class Seed {
        private final String value;
        private long next;

        private Seed(String value) {
            this.value = value;
        }
    }

    private Identifiers() {
    }

    /**
     * {@code value} when it has the shape of an id: 1-64 letters, digits, '-' or '_'.
     *
     * @throws InvalidValueException naming {@code field} otherwise
     */
    public static String requireShape(String field, String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException(field, "must be 1-64 characters of letters, digits, '-' or '_'");
        }
        return value;
    }

    /** The next UUID for a new id. */
    public static UUID next() {
        Seed seed = SEED.get();
        if (seed == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((seed.value + "\n" + seed.next++).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code action} with the ids asked for on this thread derived from {@code seed} (which should itself be random). */
    public static <T, E extends Exception> T seeded(String seed, SeededAction<T, E> action) throws E {
        Seed previous = SEED.get();
        SEED.set(new Seed(seed));
        try {
            return action.run();
        } finally {
            if (previous == null) {
                SEED.remove();
            } else {
                SEED.set(previous);
            }
        }
    }

    /** Work run under a seed. */
    @FunctionalInterface
    public interface SeededAction<T, E extends Exception> {
        T run() throws E;
    }
}
