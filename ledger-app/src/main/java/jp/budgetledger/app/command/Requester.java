package jp.budgetledger.app.command;

import java.util.UUID;

/** Who sends a command, which request it belongs to and the request's own id; stored as event metadata. */
public record Requester(String actor, String correlationId, String requestId) {

    /** A requester for work that does not come from an HTTP request (start-up, command line). */
    public static Requester system(String actor) {
        String id = UUID.randomUUID().toString();
        return new Requester(actor, id, id);
    }
}
