package jp.budgetledger.verifier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** Reads the small inputs: tree heads, the public key and proofs; anything unusable is an {@link InputException}. */
final class Inputs {

    /** The JSON of {@code GET /api/audit/proofs/inclusion}. */
    record InclusionProof(Long position, Long leafIndex, Long treeSize, String leafHash, List<String> auditPath, String rootHash) {
    }

    /** The JSON of {@code GET /api/audit/proofs/consistency}. */
    record ConsistencyProof(Long from, Long to, String fromRoot, String toRoot, List<String> proof) {
    }

    private record HeadJson(Long treeSize, String rootHash, String timestamp, String keyId, String signature, Long lastPosition) {
    }

    private Inputs() {
    }

    static PublicKey publicKey(Path path) {
        try {
            return PublicKeys.fromPem(text(path));
        } catch (IllegalArgumentException e) {
            throw new InputException(path + " は公開鍵 (PEM) ではありません", path + ": " + e.getMessage());
        }
    }

    /** One tree head: the JSON of {@code GET /api/audit/tree-head}. */
    static SignedHead treeHead(Path path) {
        List<SignedHead> heads = treeHeads(path);
        if (heads.size() != 1) {
            throw new InputException(path + " にはツリーヘッドが1つだけ必要です", path + " must hold exactly one tree head, not " + heads.size());
        }
        return heads.get(0);
    }

    /**
     * Tree heads: one JSON object per line (NDJSON), a JSON array of them, or a page of the list
     * ({@code GET /api/audit/tree-heads}: an object whose array field holds them).
     */
    static List<SignedHead> treeHeads(Path path) {
        List<SignedHead> heads = new ArrayList<>();
        try (JsonParser parser = NdjsonFile.JSON.createParser(path.toFile());
             MappingIterator<JsonNode> values = NdjsonFile.JSON.readValues(parser, JsonNode.class)) {
            while (values.hasNextValue()) {
                collectHeads(values.nextValue(), path, heads);
            }
        } catch (JsonProcessingException e) {
            throw new InputException(path + " は JSON ではありません", path + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw NdjsonFile.unreadable(path, e);
        }
        if (heads.isEmpty()) {
            throw new InputException(path + " にツリーヘッドがありません", path + " holds no tree head");
        }
        return heads;
    }

    private static void collectHeads(JsonNode node, Path path, List<SignedHead> heads) {
        if (node.isArray()) {
            node.forEach(element -> collectHeads(element, path, heads));
        } else if (node.isObject() && node.has("treeSize")) {
            heads.add(head(node, path));
        } else if (node.isObject()) {
            node.forEach(field -> {
                if (field.isArray()) {
                    collectHeads(field, path, heads);
                }
            });
        } else {
            throw new InputException(path + " にツリーヘッドではない値があります", path + ": " + node.getNodeType() + " is not a tree head");
        }
    }

    private static SignedHead head(JsonNode node, Path path) {
        HeadJson json;
        try {
            json = NdjsonFile.JSON.treeToValue(node, HeadJson.class);
        } catch (JsonProcessingException e) {
            throw new InputException(path + " のツリーヘッドを読めません", path + ": not a tree head: " + e.getOriginalMessage());
        }
        if (json.treeSize() == null || json.treeSize() < 0 || json.rootHash() == null || json.timestamp() == null || json.keyId() == null) {
            throw new InputException(path + " のツリーヘッドに欠けている項目があります",
                    path + ": a tree head needs treeSize (0 or more), rootHash, timestamp, keyId and signature");
        }
        try {
            Hex.hash(json.rootHash());
        } catch (IllegalArgumentException e) {
            throw new InputException(path + " のツリーヘッドの rootHash が不正です", path + ": rootHash: " + e.getMessage());
        }
        return new SignedHead(new TreeHead(json.treeSize(), json.rootHash(), json.timestamp(), json.keyId(), json.signature()),
                json.lastPosition(), path.toString());
    }

    static InclusionProof inclusionProof(Path path) {
        InclusionProof proof = object(path, InclusionProof.class);
        if (proof.position() == null || proof.leafIndex() == null || proof.treeSize() == null || proof.leafHash() == null
                || proof.auditPath() == null || proof.rootHash() == null) {
            throw new InputException(path + " の包含証明に欠けている項目があります",
                    path + ": an inclusion proof needs position, leafIndex, treeSize, leafHash, auditPath and rootHash");
        }
        return proof;
    }

    static ConsistencyProof consistencyProof(Path path) {
        ConsistencyProof proof = object(path, ConsistencyProof.class);
        if (proof.from() == null || proof.to() == null || proof.proof() == null) {
            throw new InputException(path + " の一貫性証明に欠けている項目があります", path + ": a consistency proof needs from, to and proof");
        }
        return proof;
    }

    /** The hashes of a proof. */
    static List<byte[]> hashes(List<String> hex, Path path, String field) {
        List<byte[]> hashes = new ArrayList<>(hex.size());
        for (String h : hex) {
            hashes.add(hash(h, path, field));
        }
        return hashes;
    }

    static byte[] hash(String hex, Path path, String field) {
        try {
            return Hex.hash(hex);
        } catch (IllegalArgumentException e) {
            throw new InputException(path + " の " + field + " が不正です", path + ": " + field + ": " + e.getMessage());
        }
    }

    private static <T> T object(Path path, Class<T> type) {
        try {
            return NdjsonFile.JSON.readValue(text(path), type);
        } catch (JsonProcessingException e) {
            throw new InputException(path + " を読めません", path + ": not the JSON expected: " + e.getOriginalMessage());
        }
    }

    private static String text(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw NdjsonFile.unreadable(path, e);
        }
    }
}
