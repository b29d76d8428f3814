package jp.budgetledger.app.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.eventstore.ProcessorTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The default database: a real PostgreSQL started from the bundled binaries, keeping its data
 * in {@code <ledger.data-dir>/postgres} so that the ledger survives restarts. Used only when
 * {@code spring.datasource.url} is not set. It listens on loopback only and asks every connection
 * for its role's password ({@link EmbeddedDatabaseRoles}); migrations run as the schema owner,
 * the service as its own role, which may not alter history.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(LedgerProperties properties) throws IOException {
        Path directory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(directory);
        boolean existing = Files.exists(directory.resolve("PG_VERSION"));
        stopOrphanedServer(directory);
        DatabaseSecrets secrets = DatabaseSecrets.of(properties.dataDir());
        EmbeddedPostgres postgres;
        try {
            postgres = start(properties, directory, secrets);
        } catch (OverlappingFileLockException e) {
            throw new DataDirectoryInUseException(directory);
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new DataDirectoryInUseException(directory);
            }
            throw e;
        }
        try {
            EmbeddedDatabaseRoles.lockDown(postgres, secrets, directory);
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("cannot set up the embedded database's roles as " + EmbeddedDatabaseRoles.SUPERUSER
                    + " with the password in " + secrets.file(EmbeddedDatabaseRoles.SUPERUSER) + ": " + e.getMessage(), e);
        }
        log.info("Database: embedded PostgreSQL on port {} with {} data in {} (set spring.datasource.url to use an external server)",
                postgres.getPort(), existing ? "existing" : "new", directory);
        return postgres;
    }

    /**
     * The embedded database belongs to this process alone (its data directory is locked), so
     * event-processor claims still held in the token table were left by a ledger that died;
     * releasing them lets the projections resume at once instead of after the claim timeout.
     */
    @Bean
    @DependsOn("flywayInitializer")
    InitializingBean releaseStaleTokenClaims(DataSource dataSource) {
        return () -> {
            int released = new ProcessorTokens(JdbcClient.create(dataSource)).releaseAllClaims();
            if (released > 0) {
                log.warn("Released {} event-processor claims left by a ledger that did not shut down", released);
            }
        };
    }

    /**
     * A ledger killed without shutting down (kill -9, power loss of the JVM only) leaves its
     * PostgreSQL running on the data directory, which would keep the next start from using it.
     * When no live process holds the directory's lock, such a server is stopped first.
     */
    static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).strip());
            Optional<ProcessHandle> server = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (server.isEmpty()) {
                return;
            }
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by a ledger that did not shut down", pid, directory);
            server.get().destroy();
            try {
                server.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                server.get().destroyForcibly();
                server.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (OverlappingFileLockException e) {
            // this JVM already holds the lock: the server is ours and alive
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not stop the PostgreSQL left running on " + directory, e);
        }
    }

    private static EmbeddedPostgres start(LedgerProperties properties, Path directory, DatabaseSecrets secrets) throws IOException {
        String superuserPassword = secrets.password(EmbeddedDatabaseRoles.SUPERUSER);
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(properties.embeddedPort())
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                // initdb (only for a new data directory): the superuser's password from the start, no trust
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", secrets.file(EmbeddedDatabaseRoles.SUPERUSER).toString())
                .setConnectConfig("password", superuserPassword)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "100")
                // zonky starts PostgreSQL for throw-away test databases (-F, synchronous_commit=off);
                // a ledger acknowledges a command only once it is on disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setRegisterShutdownHook(false)
                .start();
    }

    /** Another process (the service, or a command) already runs the embedded database on this data directory. */
    public static class DataDirectoryInUseException extends IllegalStateException {
        public DataDirectoryInUseException(Path directory) {
            super("the data directory " + directory + " is in use by another Budget Ledger process (is the service running?);"
                    + " stop it, send the work to the running service over HTTP, or choose another ledger.data-dir");
        }
    }

    /** Migrations run as the schema owner. */
    @Bean
    FlywayConfigurationCustomizer embeddedFlywayOwner(EmbeddedPostgres postgres, LedgerProperties properties) {
        String password = DatabaseSecrets.of(properties.dataDir()).password(EmbeddedDatabaseRoles.OWNER);
        return configuration -> configuration.dataSource(EmbeddedDatabaseRoles.jdbcUrl(postgres.getPort()), EmbeddedDatabaseRoles.OWNER, password);
    }

    /** The service's pool; {@code spring.datasource.hikari.*} (pool size, time-outs, driver properties) applies as to an external database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, LedgerProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedDatabaseRoles.jdbcUrl(postgres.getPort()));
        dataSource.setUsername(EmbeddedDatabaseRoles.SERVICE);
        dataSource.setPassword(DatabaseSecrets.of(properties.dataDir()).password(EmbeddedDatabaseRoles.SERVICE));
        dataSource.setPoolName("ledger-embedded");
        return dataSource;
    }
}
