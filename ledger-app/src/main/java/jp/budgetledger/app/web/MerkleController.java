package jp.budgetledger.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.budgetledger.app.merkle.MerkleLog;
import jp.budgetledger.app.merkle.MerkleProofs;
import jp.budgetledger.app.merkle.SignedTreeHead;
import jp.budgetledger.app.merkle.TreeHeadSigner;
import jp.budgetledger.core.api.InvalidValueException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/**
 * The signed Merkle log for auditors: tree heads (the newest, one kept for a size, all of them newest first, and a
 * new one on demand), the public key that checks them, inclusion and consistency proofs, and the recorded leaves.
 */
@RestController
@Tag(name = "audit")
@RequestMapping("/api/audit")
class MerkleController {

    static final String PEM = "application/x-pem-file";
    static final String NDJSON = "application/x-ndjson";
    private static final String NO_HEAD = "No tree head has been signed yet, or none for that treeSize (problem type not-found)";

    private final MerkleProofs proofs;
    private final MerkleLog log;
    private final TreeHeadSigner signer;

    MerkleController(MerkleProofs proofs, MerkleLog log, TreeHeadSigner signer) {
        this.proofs = proofs;
        this.log = log;
        this.signer = signer;
    }

    /** A page of the kept tree heads, newest first. */
    record TreeHeadPage(int page, int size, long total, List<SignedTreeHead> items) {
    }

    @Operation(summary = "A signed tree head",
            description = "The newest signed tree head, or with treeSize the one kept for that size: {treeSize, rootHash, timestamp, keyId, "
                    + "signature} as signed (Ed25519 over the lines budget-ledger-tree-head-v1, treeSize, rootHash, timestamp, keyId), and "
                    + "lastPosition, the position of the tree's last event. Keep it with the public key to verify the store later.")
    @ApiResponse(responseCode = "200", description = "The tree head")
    @ApiResponse(responseCode = "404", description = NO_HEAD, content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON,
            schema = @Schema(ref = "#/components/schemas/ProblemDetails")))
    @GetMapping("/tree-head")
    SignedTreeHead treeHead(@RequestParam(required = false) Long treeSize) {
        return proofs.head(treeSize).orElseThrow(() -> new NotFoundException(treeSize == null
                ? "no tree head has been signed yet" : "no tree head was signed for treeSize " + treeSize));
    }

    @Operation(summary = "The kept tree heads", description = "Every signed tree head kept, newest first, paged (page from 0, size up to 500).")
    @GetMapping("/tree-heads")
    TreeHeadPage treeHeads(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new InvalidValueException("size", "must be between 1 and 500");
        }
        return new TreeHeadPage(page, size, log.headCount(), log.heads(page, size));
    }

    @Operation(summary = "Sign a tree head now",
            description = "Extends the Merkle log to every settled event and answers its signed tree head (newly signed, or the one "
                    + "already kept for that size).")
    @ApiResponse(responseCode = "201", description = "The signed tree head")
    @PostMapping("/tree-heads")
    ResponseEntity<SignedTreeHead> sign() {
        return ResponseEntity.status(HttpStatus.CREATED).body(signer.signNow());
    }

    @Operation(summary = "The public key of the tree heads", description = "The Ed25519 public key that verifies the tree heads, as PEM "
            + "(X.509 SubjectPublicKeyInfo); its keyId is the lowercase hex SHA-256 of its DER encoding.")
    @ApiResponse(responseCode = "200", description = "The PEM text", content = @Content(mediaType = PEM, schema = @Schema(type = "string")))
    @GetMapping("/public-key")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PEM)).body(signer.key().publicKeyPem());
    }

    @Operation(summary = "An inclusion proof",
            description = "The RFC 6962 audit path of the event at position in the tree of treeSize leaves (default: the newest signed "
                    + "head's), with its leaf hash and the tree's root.")
    @ApiResponse(responseCode = "200", description = "The proof")
    @ApiResponse(responseCode = "404", description = NO_HEAD, content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON,
            schema = @Schema(ref = "#/components/schemas/ProblemDetails")))
    @GetMapping("/proofs/inclusion")
    MerkleProofs.InclusionProof inclusion(@RequestParam long position, @RequestParam(required = false) Long treeSize) {
        return proofs.inclusion(position, treeSize).orElseThrow(() -> new NotFoundException("no tree head has been signed yet"));
    }

    @Operation(summary = "A consistency proof",
            description = "The RFC 6962 proof that the tree of from leaves is a prefix of the tree of to leaves, with both roots.")
    @GetMapping("/proofs/consistency")
    MerkleProofs.ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        return proofs.consistency(from, to);
    }

    @Operation(summary = "The tree's recorded leaves",
            description = "The first treeSize leaves (default: the newest signed head's) as NDJSON, {leafIndex, position, leafHash} "
                    + "per line: the ledger's record of which position each leaf stands for, for the independent verifier.")
    @ApiResponse(responseCode = "200", description = "The leaves, one JSON object per line",
            content = @Content(mediaType = NDJSON, array = @ArraySchema(schema = @Schema(implementation = LeafLine.class))))
    @ApiResponse(responseCode = "404", description = NO_HEAD, content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON,
            schema = @Schema(ref = "#/components/schemas/ProblemDetails")))
    @GetMapping("/tree-leaves")
    ResponseEntity<StreamingResponseBody> treeLeaves(@RequestParam(required = false) Long treeSize) {
        long size = proofs.size("treeSize", treeSize).orElseThrow(() -> new NotFoundException("no tree head has been signed yet"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(out -> proofs.writeLeaves(size, out));
    }

    /** One line of {@code GET /api/audit/tree-leaves}. */
    record LeafLine(long leafIndex, long position, String leafHash) {
    }
}
