package jp.budgetledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An external PostgreSQL set up as docs/deployment.md tells an operator: a schema owner the
 * migrations run as and a separate role for the service (the ledger grants it its rights).
 */
public final class ExternalDatabaseRoles {

    public static final String OWNER = "ledger_owner";
    public static final String SERVICE = "ledger_service";
    private static final String OWNER_PASSWORD = "owner-pw";
    private static final String SERVICE_PASSWORD = "service-pw";

    private ExternalDatabaseRoles() {
    }

    /** Creates the two roles in {@code external}'s database {@code postgres} (once) and gives the schema to the owner. */
    public static void create(EmbeddedPostgres external) {
        JdbcClient superuser = JdbcClient.create(external.getPostgresDatabase());
        superuser.sql("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_owner') THEN
                        CREATE ROLE ledger_owner LOGIN PASSWORD 'owner-pw';
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_service') THEN
                        CREATE ROLE ledger_service LOGIN PASSWORD 'service-pw';
                    END IF;
                END
                $$""").update();
        superuser.sql("ALTER SCHEMA public OWNER TO ledger_owner").update();
        superuser.sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC").update();
    }

    /** The ledger's arguments for {@code external}: the service as {@value #SERVICE}, the migrations as {@value #OWNER}. */
    public static List<String> arguments(EmbeddedPostgres external) {
        create(external);
        return arguments("jdbc:postgresql://localhost:" + external.getPort() + "/postgres");
    }

    /** The ledger's arguments for the database at {@code url} whose roles {@link #create} made. */
    public static List<String> arguments(String url) {
        return List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + SERVICE, "--spring.datasource.password=" + SERVICE_PASSWORD,
                "--spring.flyway.user=" + OWNER, "--spring.flyway.password=" + OWNER_PASSWORD);
    }

    /** The ledger on {@code external} with data directory {@code dataDir}, on a random port, without the sample, for the tests' users. */
    public static ConfigurableApplicationContext startLedger(EmbeddedPostgres external, Path dataDir) {
        List<String> arguments = new ArrayList<>(arguments(external));
        arguments.addAll(List.of("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false"));
        arguments.addAll(TestUsers.arguments());
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }
}
