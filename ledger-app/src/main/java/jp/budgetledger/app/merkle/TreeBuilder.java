package jp.budgetledger.app.merkle;

import jp.budgetledger.app.eventstore.StoredEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Extends the Merkle log to the settled head: appends, in position order, one leaf per event above the last leaf
 * and every complete subtree those leaves finish, in batches, each batch in a transaction of its own under the
 * log's advisory lock (so two nodes never append the same leaf; a batch rereads where the tree stands). Never
 * rewrites a leaf; positions at or below the settled head that hold no event are permanent gaps and get none.
 * Events above the last position the store's sequence handed out were not appended by the ledger and get no leaf.
 */
@Service
public class TreeBuilder {

    private final StoredEvents store;
    private final MerkleLog log;
    private final TransactionTemplate transactions;
    private final MerkleProperties properties;

    public TreeBuilder(StoredEvents store, MerkleLog log, TransactionTemplate transactions, MerkleProperties properties) {
        this.store = store;
        this.log = log;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Extends the tree to the settled head; answers the tree's size. Takes the settled head (a brief lock that waits
     * for appends in flight) only when the store holds an event above the last leaf.
     */
    public long build() {
        if (store.head() <= log.lastPosition()) {
            return log.size();
        }
        long settled = Math.min(store.settledHead(), store.lastAssignedPosition());
        while (true) {
            Integer appended = transactions.execute(status -> appendBatch(settled));
            if (appended == null || appended == 0) {
                return log.size();
            }
        }
    }

    private int appendBatch(long settled) {
        log.lockForWriting();
        long size = log.size();
        long after = log.lastPosition();
        if (after >= settled) {
            return 0;
        }
        List<StoredEvents.Row> rows = store.page(after, settled, properties.batchSize());
        PendingNodes nodes = new PendingNodes(log);
        List<MerkleLog.Leaf> leaves = new ArrayList<>(rows.size());
        List<MerkleLog.Node> complete = new ArrayList<>();
        long index = size;
        for (StoredEvents.Row row : rows) {
            byte[] leaf = Leaves.hash(row);
            leaves.add(new MerkleLog.Leaf(index, row.position(), leaf));
            complete.addAll(nodes.add(index, leaf));
            index++;
        }
        log.append(leaves, complete);
        return rows.size();
    }
}
