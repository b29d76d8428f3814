package jp.budgetledger.app.web;

/** A resource named in the path does not exist (404). */
class NotFoundException extends RuntimeException {

    NotFoundException(String kind, String id) {
        super("no " + kind + " with id " + id);
    }

    NotFoundException(String detail) {
        super(detail);
    }
}
