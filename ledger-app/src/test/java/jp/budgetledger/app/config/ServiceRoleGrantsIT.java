package jp.budgetledger.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.ExternalDatabaseRoles;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The grants made after the migrations when several nodes start on one database at the same moment. */
class ServiceRoleGrantsIT {

    private static final int NODES = 3;
    private static final int ROUNDS = 10;

    @Test
    void nodesMigratingOneFreshDatabaseAtTheSameMomentAllStartAndTheServiceGetsItsRights() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            ExternalDatabaseRoles.create(postgres);
            JdbcClient superuser = JdbcClient.create(postgres.getPostgresDatabase());
            for (int round = 1; round <= ROUNDS; round++) {
                String database = "grants_" + round;
                superuser.sql("CREATE DATABASE " + database + " OWNER " + ExternalDatabaseRoles.OWNER).update();
                JdbcClient.create(postgres.getDatabase("postgres", database))
                        .sql("ALTER SCHEMA public OWNER TO " + ExternalDatabaseRoles.OWNER).update();
                DataSource owner = postgres.getDatabase(ExternalDatabaseRoles.OWNER, database);
                DataSource service = postgres.getDatabase(ExternalDatabaseRoles.SERVICE, database);
                CyclicBarrier together = new CyclicBarrier(NODES);
                List<CompletableFuture<Void>> migrations = new ArrayList<>();
                for (int node = 0; node < NODES; node++) {
                    migrations.add(CompletableFuture.runAsync(() -> {
                        Flyway flyway = Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                                .callbacks(grants(service)).load();
                        try {
                            together.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        flyway.migrate();
                    }, nodes));
                }
                for (CompletableFuture<Void> migration : migrations) {
                    migration.get(120, TimeUnit.SECONDS);
                }
                assertThat(HistoryGuard.problems(JdbcClient.create(service))).as("round " + round).isEmpty();
                assertThat(JdbcClient.create(service).sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isZero();
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private static ServiceRoleGrants grants(DataSource service) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("dataSource", service);
        return new ServiceRoleGrants(new DatabaseRoleProperties("", DatabaseRoleProperties.HistoryGuard.REFUSE),
                beans.getBeanProvider(DataSource.class));
    }
}
