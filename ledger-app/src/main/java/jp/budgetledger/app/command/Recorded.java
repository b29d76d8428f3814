package jp.budgetledger.app.command;

/**
 * The outcome of an accepted command, known only after its events were committed.
 *
 * @param result   what the command handler returned
 * @param version  the aggregate's sequence number after the command
 * @param position the global position of the command's last event: a read with
 *                 {@code minPosition} of this value sees the change
 */
public record Recorded<R>(R result, long version, long position) {
}
