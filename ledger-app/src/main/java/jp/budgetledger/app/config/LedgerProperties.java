package jp.budgetledger.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings under {@code ledger.*}.
 *
 * @param dataDir      where the embedded database keeps its files ({@code <dataDir>/postgres})
 * @param embeddedPort port of the embedded database; 0 picks a free one
 * @param readMaxWait  how long a read with {@code minPosition} waits for the projections to catch up
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("5s") Duration readMaxWait) {
}
