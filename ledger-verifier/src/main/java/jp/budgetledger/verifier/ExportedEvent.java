package jp.budgetledger.verifier;

import java.nio.charset.StandardCharsets;

/**
 * One line of the ledger's event export ({@code export-events}, NDJSON): the stored event with its payload and metadata as
 * the UTF-8 text stored. Other fields of the line (the export's own {@code hash}, fields added later) play no part.
 */
record ExportedEvent(Long position, String aggregateIdentifier, Long sequenceNumber, String type, String eventIdentifier,
                     String timeStamp, String payloadType, String payloadRevision, String payload, String metaData) {

    /** This event's leaf as it would be at {@code position}. */
    EventLeaf leafAt(long position) {
        return new EventLeaf(position, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType,
                payloadRevision, bytes(payload), bytes(metaData));
    }

    /** The leaf hash of this event at its own position. */
    byte[] leafHash() {
        return leafAt(position).hash();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
