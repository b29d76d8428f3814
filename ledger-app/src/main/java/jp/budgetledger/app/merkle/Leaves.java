package jp.budgetledger.app.merkle;

import jp.budgetledger.app.eventstore.StoredEvents;
import jp.budgetledger.verifier.EventLeaf;

/** The leaf of a stored event, in the canonical form of {@link EventLeaf}. */
final class Leaves {

    private Leaves() {
    }

    static byte[] hash(StoredEvents.Row row) {
        return new EventLeaf(row.position(), row.aggregateIdentifier(), row.sequenceNumber(), row.type(), row.eventIdentifier(),
                row.timeStamp(), row.payloadType(), row.payloadRevision(), row.payload(), row.metaData()).hash();
    }
}
