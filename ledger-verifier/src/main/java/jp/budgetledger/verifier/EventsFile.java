package jp.budgetledger.verifier;

import java.nio.file.Path;

/** The event export read one event at a time, in position order (positions strictly ascending, else the file is refused). */
final class EventsFile implements AutoCloseable {

    private final NdjsonFile<ExportedEvent> file;
    private long index = -1;
    private long lastPosition = Long.MIN_VALUE;

    EventsFile(Path path) {
        this.file = NdjsonFile.open(path, ExportedEvent.class);
    }

    /** The next event, or null at the end. */
    ExportedEvent next() {
        ExportedEvent event = file.next();
        if (event == null) {
            return null;
        }
        if (event.position() == null || event.sequenceNumber() == null) {
            throw file.malformed("an event needs its position and sequenceNumber");
        }
        if (event.position() <= lastPosition) {
            throw file.malformed("position " + event.position() + " follows position " + lastPosition
                    + "; an export lists its events in ascending position order");
        }
        lastPosition = event.position();
        index++;
        return event;
    }

    /** The index in the file (from 0) of the event last read. */
    long index() {
        return index;
    }

    @Override
    public void close() {
        file.close();
    }
}
