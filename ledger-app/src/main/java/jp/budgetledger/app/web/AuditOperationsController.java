package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.budgetledger.app.audit.LiteralReplay;
import jp.budgetledger.app.audit.ReplayReport;
import jp.budgetledger.app.audit.StoreDigest;
import jp.budgetledger.app.audit.StoreVerifier;
import jp.budgetledger.app.audit.VerificationReport;
import jp.budgetledger.app.merkle.MerkleVerifier;
import jp.budgetledger.verifier.TreeHead;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.api.InvalidValueException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors' operations: literal replay compared with the read model, the store digest to keep,
 * and verification of every event (optionally against a digest kept earlier).
 */
@RestController
@Tag(name = "audit")
@RequestMapping("/api/audit")
class AuditOperationsController {

    private final LiteralReplay replay;
    private final StoreVerifier verifier;
    private final MerkleVerifier merkleVerifier;

    AuditOperationsController(LiteralReplay replay, StoreVerifier verifier, MerkleVerifier merkleVerifier) {
        this.replay = replay;
        this.verifier = verifier;
        this.merkleVerifier = merkleVerifier;
    }

    /** Body of {@code POST /api/audit/replays}. */
    record ReplayRequest(Integer fiscalYear, String asOf, String effectiveOn) {
    }

    /**
     * Body of {@code POST /api/audit/verify}: a digest kept earlier, as {@code GET /api/audit/digest} gave it, and/or a signed
     * tree head kept earlier, as {@code GET /api/audit/tree-head} gave it (all optional).
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    @io.swagger.v3.oas.annotations.media.Schema(description = "A digest kept earlier and/or a signed tree head (treeHead); other members are ignored",
            additionalProperties = io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE)
    record VerifyRequest(Long position, String digest, Long eventCount, TreeHeadBody treeHead) {
    }

    /** A signed tree head as {@code GET /api/audit/tree-head} gives it; {@code lastPosition} and other members are ignored. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    @io.swagger.v3.oas.annotations.media.Schema(description = "A signed tree head; other members (lastPosition) are ignored",
            additionalProperties = io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE)
    record TreeHeadBody(Long treeSize, String rootHash, String timestamp, String keyId, String signature) {

        TreeHead toTreeHead() {
            if (treeSize == null || treeSize < 0) {
                throw new InvalidValueException("treeHead.treeSize", treeSize == null ? "is required" : "must be 0 or more");
            }
            if (rootHash == null || !rootHash.matches("[0-9a-f]{64}")) {
                throw new InvalidValueException("treeHead.rootHash", "must be 64 lowercase hexadecimal digits");
            }
            if (keyId == null || !keyId.matches("[0-9a-f]{64}")) {
                throw new InvalidValueException("treeHead.keyId", "must be 64 lowercase hexadecimal digits");
            }
            if (timestamp == null || timestamp.isBlank()) {
                throw new InvalidValueException("treeHead.timestamp", "is required");
            }
            if (signature == null || !signature.matches("[A-Za-z0-9+/]+=*")) {
                throw new InvalidValueException("treeHead.signature", "must be base64");
            }
            return new TreeHead(treeSize, rootHash, timestamp, keyId, signature);
        }
    }

    @Operation(summary = "Literal replay against the read model",
            description = "Folds the raw event stream of a fiscal year for a moment (asOf and/or effectiveOn; default now, the whole year) "
                    + "and compares the figures with the read model's for the same moment: matches, with both sets of figures.")
    @PostMapping("/replays")
    ReplayReport replay(@RequestBody ReplayRequest request) {
        if (request.fiscalYear() == null) {
            throw new InvalidValueException("fiscalYear", "is required");
        }
        FiscalYear year = FiscalYear.of(request.fiscalYear());
        var moment = MomentParameters.of(year, request.asOf(), request.effectiveOn())
                .orElseGet(() -> jp.budgetledger.projections.temporal.Moment.endOf(year, java.time.Instant.now()));
        return replay.replay(year, moment);
    }

    @Operation(summary = "The store digest to keep",
            description = "A SHA-256 digest of every event up to position (default: all), to keep and pass to verify later.")
    @GetMapping("/digest")
    StoreDigest digest(@RequestParam(required = false) Long position) {
        if (position != null && position < 0) {
            throw new InvalidValueException("position", "must be 0 or more");
        }
        return verifier.digest(position);
    }

    @Operation(summary = "Verify every event",
            description = "Recomputes every event's SHA-256 and each line's hash chain, and each event's Merkle leaf against the ledger's "
                    + "record of its leaves and signed tree heads; with a digest kept earlier (position and digest) also checks that the "
                    + "events up to that position are unchanged; with a signed tree head (treeHead) checks its signature and that the "
                    + "store's first treeSize events give its root, naming the first position that disagrees and how (treeHead.firstProblem).")
    @PostMapping("/verify")
    VerificationReport verify(@RequestBody(required = false) VerifyRequest request) {
        StoreDigest kept = null;
        if (request != null && (request.position() != null || request.digest() != null)) {
            if (request.position() == null || request.digest() == null) {
                throw new InvalidValueException(request.position() == null ? "position" : "digest",
                        "a kept digest needs both position and digest");
            }
            if (!request.digest().matches("[0-9a-f]{64}")) {
                throw new InvalidValueException("digest", "must be 64 lowercase hexadecimal digits");
            }
            kept = new StoreDigest(StoreDigest.ALGORITHM, request.position(), request.eventCount() == null ? 0 : request.eventCount(),
                    request.digest(), null);
        }
        TreeHead head = request == null || request.treeHead() == null ? null : request.treeHead().toTreeHead();
        return merkleVerifier.verify(kept, head);
    }
}
