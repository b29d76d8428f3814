package jp.budgetledger.app.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jp.budgetledger.core.api.MetadataKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of an event, computed from exactly what {@code domainevententry} stores, so that an
 * auditor can recompute it with any SHA-256 tool:
 * <pre>
 * SHA-256( "budget-ledger-event-v1" LF aggregateIdentifier LF sequenceNumber LF eventIdentifier LF
 *          timeStamp LF payloadType LF payloadRevision LF hex(SHA-256(payload bytes)) LF
 *          canonical metadata )
 * </pre>
 * where the canonical metadata is the stored metadata JSON without its {@code hash} entry, keys
 * sorted, no white space; it contains {@code previousHash}, the hash of the same aggregate's
 * previous event (64 zeros for its first), which chains the events of each aggregate.
 * <p>
 * Why a chain per aggregate (per budget line) and not one chain over the whole store: a single
 * chain would make every command wait for the one before it to commit, serialising all writers;
 * the per-aggregate order is already enforced by the unique (aggregate, sequence) key. What a
 * per-aggregate chain cannot see (the last events of a line deleted, two whole rows exchanged
 * between positions) is caught by the store-wide digest auditors keep and by the audit log's
 * record of every position.
 */
public final class EventHashes {

    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "budget-ledger-event-v1";
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private EventHashes() {
    }

    /** The fields of a stored event that its hash covers. */
    public record StoredEvent(String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timeStamp,
                              String payloadType, String payloadRevision, byte[] payload, Map<String, Object> metaData) {
    }

    public static String hash(StoredEvent event) {
        return hash(event, canonicalMetadata(event.metaData()));
    }

    /** The metadata as the hash covers it: JSON with the keys in order, without the hash itself. */
    public static String canonicalMetadata(Map<String, Object> metaData) {
        Map<String, Object> metadata = new TreeMap<>(metaData);
        metadata.remove(MetadataKeys.HASH);
        return json(metadata);
    }

    /** {@link #hash(StoredEvent)} with the event's {@link #canonicalMetadata} already made (its metaData is not read again). */
    public static String hash(StoredEvent event, String canonicalMetadata) {
        String canonical = String.join("\n", VERSION, event.aggregateIdentifier(), Long.toString(event.sequenceNumber()),
                event.eventIdentifier(), event.timeStamp(), event.payloadType(),
                event.payloadRevision() == null ? "" : event.payloadRevision(), sha256(event.payload()), canonicalMetadata);
        return sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The metadata as stored: its canonical form with the hash added as the last key. It reads back
     * as the same map, so the hash is recomputed from it exactly.
     */
    public static byte[] storedMetadata(String canonicalMetadata, String hash) {
        String withoutClose = canonicalMetadata.substring(0, canonicalMetadata.length() - 1);
        return (withoutClose + (withoutClose.length() > 1 ? "," : "") + "\"" + MetadataKeys.HASH + "\":\"" + hash + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static Map<String, Object> parseMetadata(byte[] json) {
        try {
            return json == null ? Map.of() : CANONICAL.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> metadata) {
        try {
            return CANONICAL.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
