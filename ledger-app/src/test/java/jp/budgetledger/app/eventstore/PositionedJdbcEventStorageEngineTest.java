package jp.budgetledger.app.eventstore;

import jp.budgetledger.projections.StorePosition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionedJdbcEventStorageEngineTest {

    @Test
    void thePositionIsAddedAsTheLastEntryOfTheStoredMetadata() {
        byte[] stored = EventHashes.storedMetadata(EventHashes.canonicalMetadata(Map.of("actor", "officer", "reason", "補正")),
                "ab".repeat(32));
        String read = text(PositionedJdbcEventStorageEngine.withPosition(stored, 123));
        String original = text(stored);
        assertThat(read).isEqualTo(original.substring(0, original.length() - 1) + ",\"storePosition\":123}");
        assertThat(EventHashes.parseMetadata(read.getBytes(StandardCharsets.UTF_8)))
                .containsEntry(StorePosition.METADATA_KEY, 123)
                .containsAllEntriesOf(EventHashes.parseMetadata(stored));
    }

    @Test
    void emptyOrMissingMetadataGetsThePositionAlone() {
        assertThat(text(PositionedJdbcEventStorageEngine.withPosition("{}".getBytes(StandardCharsets.UTF_8), 9)))
                .isEqualTo("{\"storePosition\":9}");
        assertThat(text(PositionedJdbcEventStorageEngine.withPosition("{ }\n".getBytes(StandardCharsets.UTF_8), 9)))
                .isEqualTo("{ \"storePosition\":9}");
        assertThat(text(PositionedJdbcEventStorageEngine.withPosition(null, 5_000_000_000L)))
                .isEqualTo("{\"storePosition\":5000000000}");
        assertThat(text(PositionedJdbcEventStorageEngine.withPosition(" {\"a\":1} \r\n".getBytes(StandardCharsets.UTF_8), 2)))
                .isEqualTo(" {\"a\":1,\"storePosition\":2}");
    }

    @Test
    void aStoredEntryOfTheSameNameIsOverriddenByTheRowsPosition() {
        byte[] read = PositionedJdbcEventStorageEngine.withPosition("{\"storePosition\":1}".getBytes(StandardCharsets.UTF_8), 77);
        assertThat(EventHashes.parseMetadata(read)).containsEntry(StorePosition.METADATA_KEY, 77).hasSize(1);
    }

    @Test
    void metadataThatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> PositionedJdbcEventStorageEngine.withPosition("[1]".getBytes(StandardCharsets.UTF_8), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
