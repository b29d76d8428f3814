package jp.budgetledger.app;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the integration tests that share one running ledger: the real application on its
 * embedded PostgreSQL, in a fresh data directory, serving HTTP on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerIT {

    static final Path DATA_DIR = newDataDirectory("ledger-it-");

    @DynamicPropertySource
    static void ledgerProperties(DynamicPropertyRegistry registry) {
        register(registry, DATA_DIR);
    }

    /** A fresh, empty data directory. */
    public static Path newDataDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ledger's data directory and the test users, for a test that starts its own ledger; every
     * change takes effect at once (no four-eyes approval: {@code ApprovalIT} tests it with the packaged default).
     */
    public static void register(DynamicPropertyRegistry registry, Path dataDirectory) {
        registry.add("ledger.data-dir", dataDirectory::toString);
        registry.add("ledger.approval.required-for", () -> "");
        TestUsers.register(registry);
    }
}
