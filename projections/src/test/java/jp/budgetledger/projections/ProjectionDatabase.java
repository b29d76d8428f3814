package jp.budgetledger.projections;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A real PostgreSQL (embedded) with the read-model schema migrated, shared by the projection tests of one JVM. */
public final class ProjectionDatabase {

    private static EmbeddedPostgres postgres;

    private ProjectionDatabase() {
    }

    /**
     * The event as a message read from the store at {@code position}: it carries its own position
     * as the store's reader gives it ({@link StorePosition}).
     */
    public static synchronized org.axonframework.eventhandling.EventMessage<?> recorded(Object event, long position) {
        return org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event)
                .andMetaData(java.util.Map.of(StorePosition.METADATA_KEY, epoch + position));
    }

    /** The event of line {@code line} with sequence number {@code sequence} as a message, recorded at {@code position}. */
    public static synchronized org.axonframework.eventhandling.DomainEventMessage<?> recorded(Object event, String line, long sequence,
                                                                                 java.util.Map<String, ?> metaData, long position) {
        return new org.axonframework.eventhandling.GenericDomainEventMessage<>(event.getClass().getSimpleName(), line,
                sequence, event, metaData).andMetaData(java.util.Map.of(StorePosition.METADATA_KEY, epoch + position));
    }

    /** The store position that {@link #recorded} gives for {@code position} in the current epoch. */
    public static synchronized long at(long position) {
        return epoch + position;
    }

    /** Positions given to {@link #recorded} from now on are distinct from those of earlier tests. */
    public static synchronized void newEpoch() {
        epoch += 1_000_000;
    }

    private static long epoch;

    public static JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    public static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres.getPostgresDatabase();
    }
}
