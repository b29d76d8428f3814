package jp.budgetledger.app.web;

/** Bodies of write responses. {@code position} can be passed as {@code minPosition} to a read to see the write. */
final class Responses {

    private Responses() {
    }

    record Created(String id, long version, long position) {
    }

    record Amended(String id, long version, long amountYen, long position) {
    }
}
