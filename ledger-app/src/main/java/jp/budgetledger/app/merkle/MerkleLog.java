package jp.budgetledger.app.merkle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.budgetledger.verifier.MerkleTree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/**
 * The tables of the Merkle log, which the ledger only appends to and reads: {@code merkle_leaf} (leaf index,
 * event position, leaf hash), {@code merkle_node} (hashes of complete aligned subtrees, levels 1 and up) and
 * {@code signed_tree_head}. As {@link MerkleTree.Nodes} it serves level 0 from the leaves and the levels above
 * from the nodes, through a bounded cache (rows are never changed once written).
 */
@Repository
public class MerkleLog implements MerkleTree.Nodes {

    /** One leaf: its index in the tree, the position of its event, its hash. */
    public record Leaf(long index, long position, byte[] hash) {
    }

    /** A complete aligned subtree's hash (level 1 and up). */
    public record Node(int level, long index, byte[] hash) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Cache<Long, byte[]> cache = Caffeine.newBuilder().maximumSize(200_000).build();

    public MerkleLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** How many leaves the tree has. */
    public long size() {
        return jdbc.sql("SELECT coalesce(max(leaf_index) + 1, 0) FROM merkle_leaf").query(Long.class).single();
    }

    /** The position of the newest leaf's event, 0 when the tree is empty. */
    public long lastPosition() {
        return jdbc.sql("SELECT coalesce(max(position), 0) FROM merkle_leaf").query(Long.class).single();
    }

    /** The position of the event of the last leaf of a tree of {@code size} leaves (0 for the empty tree). */
    public long positionOfLeaf(long size) {
        return size == 0 ? 0 : jdbc.sql("SELECT position FROM merkle_leaf WHERE leaf_index = ?").param(size - 1)
                .query(Long.class).optional().orElse(0L);
    }

    /** At most {@code limit} leaves after index {@code after}, below index {@code below}, in index order. */
    public List<Leaf> leaves(long after, long below, int limit) {
        return jdbc.sql("SELECT leaf_index, position, hash FROM merkle_leaf WHERE leaf_index > ? AND leaf_index < ? ORDER BY leaf_index LIMIT ?")
                .params(after, below, limit)
                .query((rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3)))
                .list();
    }

    public Optional<Leaf> leafAt(long position) {
        return jdbc.sql("SELECT leaf_index, position, hash FROM merkle_leaf WHERE position = ?").param(position)
                .query((rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3))).optional();
    }

    /** A leaf with this hash, if the tree has one. */
    public Optional<Leaf> leafWithHash(byte[] hash) {
        return jdbc.sql("SELECT leaf_index, position, hash FROM merkle_leaf WHERE hash = ? ORDER BY leaf_index LIMIT 1").param(hash)
                .query((rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getBytes(3))).optional();
    }

    @Override
    public byte[] node(int level, long index) {
        return cache.get(key(level, index), k -> level == 0
                ? jdbc.sql("SELECT hash FROM merkle_leaf WHERE leaf_index = ?").param(index).query(byte[].class).optional()
                        .orElseThrow(() -> new IllegalStateException("the Merkle log has no leaf " + index))
                : jdbc.sql("SELECT hash FROM merkle_node WHERE level = ? AND node_index = ?").params(level, index).query(byte[].class)
                        .optional().orElseThrow(() -> new IllegalStateException("the Merkle log has no node " + level + "/" + index)));
    }

    /** Appends leaves and nodes in the caller's transaction. */
    public void append(List<Leaf> leaves, List<Node> nodes) {
        jdbcTemplate.batchUpdate("INSERT INTO merkle_leaf (leaf_index, position, hash) VALUES (?, ?, ?)", leaves, 1000, (ps, leaf) -> {
            ps.setLong(1, leaf.index());
            ps.setLong(2, leaf.position());
            ps.setBytes(3, leaf.hash());
        });
        jdbcTemplate.batchUpdate("INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)", nodes, 1000, (ps, node) -> {
            ps.setInt(1, node.level());
            ps.setLong(2, node.index());
            ps.setBytes(3, node.hash());
        });
    }

    /** Makes the other callers of this method wait until the caller's transaction ends: one builder or signer at a time, cluster-wide. */
    public void lockForWriting() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ADVISORY_LOCK).query().singleRow();
    }

    public void insert(SignedTreeHead head) {
        jdbc.sql("INSERT INTO signed_tree_head (tree_size, root_hash, signed_at, key_id, signature, last_position) VALUES (?, ?, ?, ?, ?, ?)")
                .params(head.treeSize(), head.rootHash(), head.timestamp(), head.keyId(), head.signature(), head.lastPosition())
                .update();
    }

    public Optional<SignedTreeHead> latestHead() {
        return jdbc.sql(HEAD + " ORDER BY tree_size DESC LIMIT 1").query(MerkleLog::head).optional();
    }

    public Optional<SignedTreeHead> head(long treeSize) {
        return jdbc.sql(HEAD + " WHERE tree_size = ?").param(treeSize).query(MerkleLog::head).optional();
    }

    /** A page of the kept heads, newest first. */
    public List<SignedTreeHead> heads(int page, int size) {
        return jdbc.sql(HEAD + " ORDER BY tree_size DESC LIMIT ? OFFSET ?").params(size, (long) page * size).query(MerkleLog::head).list();
    }

    /** Every kept head, smallest first. */
    public List<SignedTreeHead> headsAscending() {
        return jdbc.sql(HEAD + " ORDER BY tree_size").query(MerkleLog::head).list();
    }

    public long headCount() {
        return jdbc.sql("SELECT count(*) FROM signed_tree_head").query(Long.class).single();
    }

    /** When the newest head was recorded, epoch milliseconds, or 0 when none. */
    public long latestRecordedAtMillis() {
        return jdbc.sql("SELECT coalesce((extract(epoch FROM max(recorded_at)) * 1000)::bigint, 0) FROM signed_tree_head").query(Long.class).single();
    }

    private static final long ADVISORY_LOCK = 0x4d65726b6c654c6fL;
    private static final String HEAD = """
            SELECT tree_size, root_hash, signed_at, key_id, signature, last_position FROM signed_tree_head""";

    private static SignedTreeHead head(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SignedTreeHead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6));
    }

    /** One number for a node's level and index (indexes stay below 2^56). */
    static long key(int level, long index) {
        return ((long) level << 56) | index;
    }
}
