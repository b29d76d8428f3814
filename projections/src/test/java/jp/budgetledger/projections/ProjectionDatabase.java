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

    public static synchronized JdbcClient jdbc() {
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
        return JdbcClient.create(postgres.getPostgresDatabase());
    }
}
