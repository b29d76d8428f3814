package jp.budgetledger.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.ExternalDatabaseRoles;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up check of the service's role on an external database. */
class HistoryGuardIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(List<String> database, String... more) {
        List<String> arguments = new ArrayList<>(database);
        arguments.addAll(List.of("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false"));
        arguments.addAll(List.of(more));
        arguments.addAll(TestUsers.arguments());
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static List<String> asSuperuser(EmbeddedPostgres external) {
        return List.of("--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres");
    }

    @Test
    void aSuperuserServiceRoleIsRefusedUnlessTheGuardOnlyWarns() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.start()) {
            assertThatThrownBy(() -> start(asSuperuser(external)).close())
                    .hasStackTraceContaining("Refusing to start: the service's database role postgres could alter history: it is a superuser")
                    .hasStackTraceContaining("ALTER ROLE postgres NOSUPERUSER")
                    .hasStackTraceContaining("ledger.database.history-guard=warn");
            try (ConfigurableApplicationContext context = start(asSuperuser(external), "--ledger.database.history-guard=warn")) {
                assertThat(context.isActive()).isTrue();
                assertThat(HistoryGuard.problems(context.getBean(JdbcClient.class))).singleElement().asString().contains("superuser");
            }
        }
    }

    @Test
    void theOwnerAndServiceSplitStartsAndEachRightThatCouldAlterHistoryIsNamed() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.start()) {
            JdbcClient superuser = JdbcClient.create(external.getPostgresDatabase());
            JdbcClient service = JdbcClient.create(external.getDatabase(ExternalDatabaseRoles.SERVICE, "postgres"));
            try (ConfigurableApplicationContext context = start(ExternalDatabaseRoles.arguments(external))) {
                assertThat(context.getBean(JdbcClient.class).sql("SELECT current_user").query(String.class).single())
                        .isEqualTo(ExternalDatabaseRoles.SERVICE);
                assertThat(superuser.sql("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'domainevententry'::regclass")
                        .query(String.class).single()).isEqualTo(ExternalDatabaseRoles.OWNER);
                assertThat(HistoryGuard.problems(service)).isEmpty();

                superuser.sql("GRANT UPDATE, TRIGGER ON domainevententry TO ledger_service").update();
                assertThat(HistoryGuard.problems(service)).containsExactly(
                        "it has UPDATE on domainevententry; REVOKE UPDATE ON domainevententry FROM ledger_service",
                        "it has TRIGGER on domainevententry; REVOKE TRIGGER ON domainevententry FROM ledger_service");
                superuser.sql("REVOKE UPDATE, TRIGGER ON domainevententry FROM ledger_service").update();
            }
            superuser.sql("GRANT ledger_owner TO ledger_service").update();
            assertThatThrownBy(() -> start(ExternalDatabaseRoles.arguments(external)).close())
                    .hasStackTraceContaining("Refusing to start: the service's database role ledger_service could alter history:"
                            + " it is a member of ledger_owner, which owns domainevententry; REVOKE ledger_owner FROM ledger_service");
        }
    }
}
