package jp.budgetledger.app.command;

import java.util.List;
import java.util.UUID;

/**
 * Who sends a command, which request it belongs to and the request's own id (stored as event metadata), the departments
 * the sender may act for (empty: every department; carried on the command only, checked by the lines it changes), and the
 * sender's display name from the directory (null when there is none; stored beside the actor).
 */
public record Requester(String actor, String correlationId, String requestId, List<String> departments, String actorName) {

    public Requester {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** A requester without a display name. */
    public Requester(String actor, String correlationId, String requestId, List<String> departments) {
        this(actor, correlationId, requestId, departments, null);
    }

    /** A requester who may act for every department. */
    public Requester(String actor, String correlationId, String requestId) {
        this(actor, correlationId, requestId, List.of());
    }

    /** A requester for work that does not come from an HTTP request (start-up, command line). */
    public static Requester system(String actor) {
        String id = UUID.randomUUID().toString();
        return new Requester(actor, id, id);
    }
}
