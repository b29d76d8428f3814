package jp.budgetledger.app;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.awaitility.Awaitility.await;

/** Instants that separate what a test recorded before from what it records after. */
public final class Marks {

    private Marks() {
    }

    /**
     * A moment strictly between what was recorded before and what is recorded after, at a
     * millisecond's distance from both: the next millisecond, once the clock has moved past it.
     */
    public static Instant mark() {
        Instant mark = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        await("the clock passes " + mark).atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> !Instant.now().isBefore(mark.plusMillis(1)));
        return mark;
    }
}
