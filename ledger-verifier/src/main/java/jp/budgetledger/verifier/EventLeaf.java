package jp.budgetledger.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The leaf of one event in the Merkle log: {@code SHA-256(0x00 || data)} where {@code data} is, in UTF-8,
 * {@code "budget-ledger-leaf-v1"} followed, for each field in this order, by a line feed and either {@code "-"}
 * (field absent) or the field's length in bytes (decimal), {@code ":"} and its bytes:
 * position, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision,
 * payload, metaData. Numbers are written in decimal; payload and metaData are the exact bytes stored
 * (in an event export, the UTF-8 encoding of its {@code payload} and {@code metaData} texts). The lengths make the
 * form unambiguous whatever the fields contain. The position is part of the leaf, so an event moved to another
 * position, or one removed or inserted, changes the leaves from there on.
 */
public record EventLeaf(long position, String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                        String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

    static final String VERSION = "budget-ledger-leaf-v1";

    /** The canonical bytes the leaf hash covers. */
    public byte[] data() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(payload) + length(metaData));
        out.writeBytes(VERSION.getBytes(StandardCharsets.UTF_8));
        field(out, Long.toString(position));
        field(out, aggregateIdentifier);
        field(out, Long.toString(sequenceNumber));
        field(out, type);
        field(out, eventIdentifier);
        field(out, timeStamp);
        field(out, payloadType);
        field(out, payloadRevision);
        field(out, payload);
        field(out, metaData);
        return out.toByteArray();
    }

    /** {@code SHA-256(0x00 || data())}. */
    public byte[] hash() {
        return MerkleTree.leafHash(data());
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void field(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.write('\n');
        if (value == null) {
            out.write('-');
            return;
        }
        out.writeBytes(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(value);
    }
}
