package jp.budgetledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pointed at an existing store, by an argument or by a system property, the bench refuses with a message and a non-zero exit,
 * and the store is as it was.
 */
class BenchRefusalIT {

    @Test
    void theBenchRefusesAnExistingStoreAndWritesNothingIntoIt() throws Exception {
        refusesAndLeavesTheStoreAsItWas(false);
    }

    @Test
    void theBenchRefusesAnExistingStoreNamedByASystemProperty() throws Exception {
        refusesAndLeavesTheStoreAsItWas(true);
    }

    private static void refusesAndLeavesTheStoreAsItWas(boolean bySystemProperty) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            jdbc.sql("CREATE TABLE domainevententry (globalindex bigserial PRIMARY KEY, aggregateidentifier varchar(255))").update();
            jdbc.sql("INSERT INTO domainevententry (aggregateidentifier) VALUES ('someone-elses-line')").update();
            String url = postgres.getJdbcUrl("postgres", "postgres");

            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                if (bySystemProperty) {
                    System.setProperty("spring.datasource.url", url);
                    exit = BenchMain.run(new String[]{"--events", "200", "--skip", "startup"});
                } else {
                    exit = BenchMain.run(new String[]{"--events", "200", "--skip", "startup", "--spring.datasource.url=" + url});
                }
            } finally {
                System.clearProperty("spring.datasource.url");
                System.setOut(originalOut);
                System.setErr(originalErr);
            }

            assertThat(exit).isEqualTo(BenchCommand.REFUSED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(bySystemProperty
                            ? "bench: refused: the system property spring.datasource.url is set"
                            : "bench: refused: the argument --spring.datasource.url chooses the database",
                    "the bench writes only into the fresh embedded database it creates");
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("BENCH ");
            assertThat(jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").query(String.class).list())
                    .containsExactly("domainevententry");
            assertThat(jdbc.sql("SELECT aggregateidentifier FROM domainevententry").query(String.class).list())
                    .isEqualTo(List.of("someone-elses-line"));
        }
    }
}
