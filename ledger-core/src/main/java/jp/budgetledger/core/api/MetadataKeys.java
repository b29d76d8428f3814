package jp.budgetledger.core.api;

/** Keys of the metadata carried by every command and copied onto the events it produces. */
public final class MetadataKeys {

    /** Who made the change: the authenticated user (until authentication exists, the request's actor header). */
    public static final String ACTOR = "actor";
    /**
     * Beside {@link #ACTOR}, the display name of a user signed in through the organisation's directory (its cn or
     * displayName), kept for readers of the audit log; absent for other users.
     */
    public static final String ACTOR_NAME = "actorName";
    /** Who approved the change (four-eyes approval), beside {@link #ACTOR}, the user who requested it; absent when none was needed. */
    public static final String APPROVED_BY = "approvedBy";
    /** The draft (起案) an approved change was recorded from; absent when none was needed. */
    public static final String DRAFT_ID = "draftId";
    /** Ties together every event caused by one request. */
    public static final String CORRELATION_ID = "correlationId";
    /** The client's id of the request (its {@code X-Request-Id}), or one made for it. */
    public static final String REQUEST_ID = "requestId";
    /**
     * On a command only, never copied onto events: the departments (a list of names) the sender may act for; absent when the
     * sender may act for every department. Checked by the lines themselves, inside the command's unit of work.
     */
    public static final String DEPARTMENTS = "departments";
    /** The id of the message (command) that caused the event. */
    public static final String CAUSATION_ID = "causationId";
    /** When the ledger recorded the event (ISO-8601 instant, the event's timestamp). */
    public static final String RECORDED_AT = "recordedAt";
    /** The change context of the event, copied from its payload. */
    public static final String EFFECTIVE_DATE = "effectiveDate";
    public static final String REASON = "reason";
    public static final String REFERENCE = "reference";
    /** SHA-256 of the event (see the audit package of the app) and of the previous event of the same aggregate. */
    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";

    private MetadataKeys() {
    }
}
