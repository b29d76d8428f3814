package jp.budgetledger.app.eventstore;

import jp.budgetledger.projections.StorePosition;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadPositionsTest {

    private final ReadPositions positions = new ReadPositions();

    @Test
    void findsTheRememberedPositionOfAnEventWithoutItsMetaData() {
        positions.remember("event-1", 41);

        assertThat(positions.of(event("event-1", Map.of()))).isEqualTo(41);
    }

    @Test
    void readsThePositionFromTheMetaDataOfAnEventItDoesNotHold() {
        assertThat(positions.of(event("event-2", Map.of(StorePosition.METADATA_KEY, 7L)))).isEqualTo(7);
        assertThatThrownBy(() -> positions.of(event("event-3", Map.of()))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void holdsABoundedNumberOfPositions() {
        for (int i = 0; i < ReadPositions.CAPACITY * 3; i++) {
            positions.remember("event-" + i, i);
        }

        assertThat(positions.size()).isLessThanOrEqualTo(ReadPositions.CAPACITY);
        assertThat(positions.of(event("late", Map.of(StorePosition.METADATA_KEY, 99L)))).isEqualTo(99);
    }

    @Test
    void findsTheRecentlyReadPositionsOfALongReplayWithoutTheirMetaData() {
        int read = ReadPositions.CAPACITY * 15;
        int behind = ReadPositions.CAPACITY / 2;
        for (int i = 0; i < read; i++) {
            positions.remember("event-" + i, i);
            if (i >= behind) {
                int handled = i - behind;
                assertThat(positions.of(event("event-" + handled, Map.of()))).isEqualTo(handled);
            }
        }
    }

    private static GenericEventMessage<String> event(String identifier, Map<String, ?> metaData) {
        return new GenericEventMessage<>(identifier, "payload", metaData, Instant.parse("2026-12-01T00:00:00Z"));
    }
}
