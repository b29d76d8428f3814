package jp.budgetledger.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger's history built in the test: events in the shape of the ledger's export (with a per-event hash chain in the
 * metadata, as the ledger keeps one), tree heads signed with a test key over its leaves, the ledger's leaves file and proofs.
 */
final class SyntheticLedger {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One stored event; metaData is the JSON text stored, with actor, hash and previousHash. */
    record Event(long position, String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier, String timeStamp,
                 String payloadType, String payloadRevision, String payload, String actor, String hash, String previousHash) {

        String metaData() {
            Map<String, Object> metaData = new LinkedHashMap<>();
            metaData.put("actor", actor);
            metaData.put("hash", hash);
            metaData.put("previousHash", previousHash);
            try {
                return JSON.writeValueAsString(metaData);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        EventLeaf leaf() {
            return new EventLeaf(position, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType,
                    payloadRevision, payload.getBytes(StandardCharsets.UTF_8), metaData().getBytes(StandardCharsets.UTF_8));
        }

        Event withPayload(String newPayload) {
            return new Event(position, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision,
                    newPayload, actor, hash, previousHash);
        }

        Event withActor(String newActor) {
            return new Event(position, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision,
                    payload, newActor, hash, previousHash);
        }

        Event atPosition(long newPosition) {
            return new Event(newPosition, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision,
                    payload, actor, hash, previousHash);
        }

        Event withHashes(String newHash, String newPreviousHash) {
            return new Event(position, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision,
                    payload, actor, newHash, newPreviousHash);
        }
    }

    final KeyPair key;
    final List<Event> events;

    private SyntheticLedger(KeyPair key, List<Event> events) {
        this.key = key;
        this.events = events;
    }

    /** {@code count} events at positions 1, 2, … skipping every position in {@code gaps} (as a sequence skips on rollbacks). */
    static SyntheticLedger withEvents(int count, long... gaps) {
        List<Event> events = new ArrayList<>();
        long position = 1;
        for (int i = 0; i < count; i++) {
            while (contains(gaps, position)) {
                position++;
            }
            String line = "line-" + (i % 4);
            events.add(new Event(position, line, i / 4, "Initiative", "event-" + i, "2026-04-01T09:00:" + String.format("%02d", i % 60) + "Z",
                    "jp.budgetledger.core.api.AmountAmended", "1",
                    "{\"initiativeId\":\"" + line + "\",\"newAmountYen\":" + (1_000_000L + i * 1_000L) + ",\"reason\":\"補正 " + i + "\"}",
                    i % 2 == 0 ? "officer" : "approver", null, null));
            position++;
        }
        return new SyntheticLedger(keyPair(), rehash(events));
    }

    static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events with each line's hash chain recomputed, as someone able to write the table would. */
    static List<Event> rehash(List<Event> events) {
        List<Event> rehashed = new ArrayList<>();
        Map<String, String> previous = new HashMap<>();
        for (Event event : events) {
            String before = previous.get(event.aggregateIdentifier());
            String hash = sha256(before + "|" + event.aggregateIdentifier() + "|" + event.sequenceNumber() + "|" + event.payload() + "|" + event.actor());
            rehashed.add(event.withHashes(hash, before));
            previous.put(event.aggregateIdentifier(), hash);
        }
        return rehashed;
    }

    List<byte[]> leaves() {
        return leaves(events);
    }

    static List<byte[]> leaves(List<Event> events) {
        return events.stream().map(e -> e.leaf().hash()).toList();
    }

    /** The head over the first {@code size} events, signed with this ledger's key. */
    TreeHead head(int size) {
        return TreeHead.sign(size, MerkleTree.root(leaves().subList(0, size)), "2026-12-02T04:" + String.format("%02d", size % 60) + ":00Z",
                key.getPublic(), key.getPrivate());
    }

    long lastPosition(int size) {
        return size == 0 ? 0 : events.get(size - 1).position();
    }

    static void writeExport(Path file, List<Event> events) {
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", e.position());
            row.put("aggregateIdentifier", e.aggregateIdentifier());
            row.put("sequenceNumber", e.sequenceNumber());
            row.put("type", e.type());
            row.put("eventIdentifier", e.eventIdentifier());
            row.put("timeStamp", e.timeStamp());
            row.put("payloadType", e.payloadType());
            row.put("payloadRevision", e.payloadRevision());
            row.put("payload", e.payload());
            row.put("metaData", e.metaData());
            row.put("hash", e.hash());
            row.put("exportedBy", "a field the verifier does not know");
            text.append(json(row)).append('\n');
        }
        write(file, text.toString());
    }

    void writeLeaves(Path file) {
        writeLeaves(file, events);
    }

    static void writeLeaves(Path file, List<Event> events) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("leafIndex", i);
            row.put("position", events.get(i).position());
            row.put("leafHash", Hex.of(events.get(i).leaf().hash()));
            text.append(json(row)).append('\n');
        }
        write(file, text.toString());
    }

    static Map<String, Object> headJson(TreeHead head, Long lastPosition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("treeSize", head.treeSize());
        json.put("rootHash", head.rootHash());
        json.put("timestamp", head.timestamp());
        json.put("keyId", head.keyId());
        json.put("signature", head.signature());
        if (lastPosition != null) {
            json.put("lastPosition", lastPosition);
        }
        return json;
    }

    void writeHead(Path file, int size) {
        write(file, json(headJson(head(size), lastPosition(size))));
    }

    void writeHeads(Path file, int... sizes) {
        StringBuilder text = new StringBuilder();
        for (int size : sizes) {
            text.append(json(headJson(head(size), lastPosition(size)))).append('\n');
        }
        write(file, text.toString());
    }

    Map<String, Object> inclusionProof(int leafIndex, int size) {
        MerkleTree.Nodes nodes = MerkleTree.inMemory(leaves());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("position", events.get(leafIndex).position());
        json.put("leafIndex", leafIndex);
        json.put("treeSize", size);
        json.put("leafHash", Hex.of(leaves().get(leafIndex)));
        json.put("auditPath", MerkleTree.inclusionProof(nodes, leafIndex, size).stream().map(Hex::of).toList());
        json.put("rootHash", Hex.of(MerkleTree.root(nodes, size)));
        return json;
    }

    Map<String, Object> consistencyProof(int from, int to) {
        MerkleTree.Nodes nodes = MerkleTree.inMemory(leaves());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", from);
        json.put("to", to);
        json.put("fromRoot", Hex.of(MerkleTree.root(nodes, from)));
        json.put("toRoot", Hex.of(MerkleTree.root(nodes, to)));
        json.put("proof", MerkleTree.consistencyProof(nodes, from, to).stream().map(Hex::of).toList());
        return json;
    }

    /** This ledger with other events and the same key: the history after tampering. */
    SyntheticLedger with(List<Event> tampered) {
        return new SyntheticLedger(key, tampered);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Hex.of(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(long[] values, long value) {
        for (long v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
