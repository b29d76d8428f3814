package jp.budgetledger.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code ledger.database.*}: which role the service runs as and what happens when
 * that role could alter history.
 *
 * @param serviceRole  the role granted the service's rights after every migration; empty: the
 *                     data source's user, when it is not the role migrations run as
 * @param historyGuard {@code refuse} (default): the service does not start when its role could
 *                     alter history; {@code warn}: it logs why and starts
 */
@ConfigurationProperties("ledger.database")
public record DatabaseRoleProperties(
        @DefaultValue("") String serviceRole,
        @DefaultValue("refuse") HistoryGuard historyGuard) {

    /** What the start-up check does when the service's role could alter history. */
    public enum HistoryGuard {
        /** Refuse to start. */
        REFUSE,
        /** Log the problems and start. */
        WARN
    }
}
