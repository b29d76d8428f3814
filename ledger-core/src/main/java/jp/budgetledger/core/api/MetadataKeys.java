package jp.budgetledger.core.api;

/** Keys of the metadata carried by every command and copied onto the events it produces. */
public final class MetadataKeys {

    /** Who made the change: the authenticated user (until authentication exists, the request's actor header). */
    public static final String ACTOR = "actor";
    /** Ties together every event caused by one request. */
    public static final String CORRELATION_ID = "correlationId";

    private MetadataKeys() {
    }
}
