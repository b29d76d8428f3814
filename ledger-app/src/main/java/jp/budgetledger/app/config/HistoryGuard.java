package jp.budgetledger.app.config;

import jp.budgetledger.app.eventstore.AppendOnlyTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The start-up check of the service's database role: it must not be able to alter history, that
 * is be a superuser, own (or be a member of the owner of) an {@link AppendOnlyTables append-only
 * table}, or hold UPDATE, DELETE, TRUNCATE, TRIGGER or REFERENCES on one. Each problem found says
 * which right is wrong and how to take it away.
 */
public final class HistoryGuard {

    private static final Logger log = LoggerFactory.getLogger(HistoryGuard.class);
    private static final List<String> FORBIDDEN = List.of("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES");

    private HistoryGuard() {
    }

    /** Thrown when the service's role could alter history and the guard is set to refuse. */
    public static final class HistoryAtRiskException extends IllegalStateException {
        HistoryAtRiskException(String message) {
            super(message);
        }
    }

    /**
     * Checks the role {@code service} is connected as; refuses (throws) or warns as
     * {@code mode} says when it could alter history.
     */
    public static void check(JdbcClient service, DatabaseRoleProperties.HistoryGuard mode) {
        List<String> problems = problems(service);
        String role = service.sql("SELECT current_user").query(String.class).single();
        boolean mayCreate = service.sql("SELECT has_schema_privilege(current_user, current_schema(), 'CREATE')").query(Boolean.class).single();
        if (mayCreate) {
            log.warn("Database: the service's role {} may create objects in the schema; REVOKE CREATE ON SCHEMA {} FROM {} (and from PUBLIC)",
                    role, service.sql("SELECT current_schema()").query(String.class).single(), role);
        }
        if (problems.isEmpty()) {
            return;
        }
        String report = "the service's database role " + role + " could alter history: " + String.join("; ", problems)
                + " (docs/deployment.md, \"Database roles\", gives the SQL)";
        if (mode == DatabaseRoleProperties.HistoryGuard.WARN) {
            log.warn("Database: {}; starting anyway because ledger.database.history-guard=warn", report);
            return;
        }
        throw new HistoryAtRiskException("Refusing to start: " + report + "; or set ledger.database.history-guard=warn to start anyway");
    }

    /** What lets the connected role alter history, one sentence each with its fix; empty when nothing does. */
    public static List<String> problems(JdbcClient service) {
        String role = service.sql("SELECT current_user").query(String.class).single();
        List<String> problems = new ArrayList<>();
        if (service.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single()) {
            problems.add("it is a superuser, who can switch the event table's triggers off; connect the service as a role without"
                    + " SUPERUSER (spring.datasource.username) or run ALTER ROLE " + role + " NOSUPERUSER");
            return problems;
        }
        for (String table : AppendOnlyTables.NAMES) {
            var owner = service.sql("""
                            SELECT pg_get_userbyid(c.relowner) AS owner, pg_has_role(current_user, c.relowner, 'MEMBER') AS member
                            FROM pg_class c WHERE c.oid = to_regclass(?)""")
                    .param(table).query((rs, i) -> new Owner(rs.getString(1), rs.getBoolean(2))).optional();
            if (owner.isEmpty()) {
                continue;
            }
            if (owner.get().name().equals(role)) {
                problems.add("it owns " + table + ", so it can alter the table and its triggers; run the migrations as a separate owner"
                        + " (spring.flyway.user and spring.flyway.password) and the service as a role that owns nothing");
            } else if (owner.get().member()) {
                problems.add("it is a member of " + owner.get().name() + ", which owns " + table + "; REVOKE " + owner.get().name()
                        + " FROM " + role);
            }
            for (String privilege : FORBIDDEN) {
                if (service.sql("SELECT has_table_privilege(current_user, to_regclass(?), ?)").params(table, privilege)
                        .query(Boolean.class).single() && !owner.get().member()) {
                    problems.add("it has " + privilege + " on " + table + "; REVOKE " + privilege + " ON " + table + " FROM " + role);
                }
            }
        }
        return problems;
    }

    private record Owner(String name, boolean member) {
    }
}
