package jp.budgetledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.security.lockout}: after {@code maxFailures} failed sign-ins of one user name within {@code window}, that
 * name is refused for {@code lockDuration}, whatever the password (answered as a bad password). For every user source.
 */
@ConfigurationProperties("ledger.security.lockout")
public record LockoutSettings(Integer maxFailures, Duration window, Duration lockDuration) {

    public LockoutSettings {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        if (maxFailures < 1 || window.isNegative() || window.isZero() || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalStateException("ledger.security.lockout: max-failures must be at least 1, window and lock-duration positive");
        }
    }
}
