package jp.budgetledger.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway migration creates the same event, token and saga tables as Axon's own PostgreSQL factories, with bytea payloads. */
class EventStoreSchemaIT {

    private static final List<String> AXON_TABLES =
            List.of("domainevententry", "snapshotevententry", "tokenentry", "sagaentry", "associationvalueentry");

    @Test
    void flywayTablesMatchAxonsPostgresFactories() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource admin = postgres.getPostgresDatabase();
            JdbcClient.create(admin).sql("CREATE DATABASE by_axon").update();
            JdbcClient.create(admin).sql("CREATE DATABASE by_flyway").update();
            DataSource byAxon = postgres.getDatabase("postgres", "by_axon");
            DataSource byFlyway = postgres.getDatabase("postgres", "by_flyway");

            var connections = new DataSourceConnectionProvider(byAxon);
            var serializer = JacksonSerializer.defaultSerializer();
            JdbcEventStorageEngine.builder().connectionProvider(connections).transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build()
                    .createSchema(PostgresEventTableFactory.INSTANCE);
            JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build()
                    .createSchema(PostgresTokenTableFactory.INSTANCE);
            JdbcSagaStore.builder().connectionProvider(connections).sqlSchema(new PostgresSagaSqlSchema())
                    .serializer(serializer).build().createSchema();
            Flyway.configure().dataSource(byFlyway).locations("classpath:db/migration").load().migrate();

            assertThat(columns(byFlyway)).isEqualTo(columns(byAxon));
            assertThat(columns(byFlyway)).contains(Map.of("table_name", "domainevententry", "column_name", "payload",
                    "data_type", "bytea", "is_nullable", "NO"));
        }
    }

    private static List<Map<String, Object>> columns(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("""
                        SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name IN (:tables)
                        ORDER BY table_name, column_name""")
                .param("tables", AXON_TABLES)
                .query().listOfRows();
    }
}
