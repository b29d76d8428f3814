package jp.budgetledger.app.eventstore;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventHashesTest {

    @Test
    void storedMetadataReadsBackAsTheSameMapWithTheHashAdded() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("reason", "補正 \"第1号\"\n改行");
        metadata.put("actor", "officer");
        metadata.put("previousHash", EventHashes.GENESIS);
        String canonical = EventHashes.canonicalMetadata(metadata);
        byte[] stored = EventHashes.storedMetadata(canonical, "ab".repeat(32));

        Map<String, Object> read = EventHashes.parseMetadata(stored);
        assertThat(read).containsEntry("hash", "ab".repeat(32)).containsAllEntriesOf(metadata).hasSize(4);
        assertThat(EventHashes.canonicalMetadata(read)).isEqualTo(canonical);
        assertThat(canonical).startsWith("{\"actor\"");
    }

    @Test
    void emptyMetadataGetsOnlyTheHash() {
        byte[] stored = EventHashes.storedMetadata(EventHashes.canonicalMetadata(Map.of()), "cd".repeat(32));
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("{\"hash\":\"" + "cd".repeat(32) + "\"}");
    }
}
