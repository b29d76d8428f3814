package jp.budgetledger.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class FreshStoreTest {

    private static final Properties NO_PROPERTIES = new Properties();

    @Test
    void argumentsThatChooseTheDatabaseOrTheConfigurationFilesAreRefused() {
        for (String argument : List.of("--spring.datasource.url=jdbc:postgresql://db/ledger", "--spring.datasource.username=ledger",
                "--ledger.data-dir=/var/lib/ledger", "--ledger.dataDir=/var/lib/ledger", "--spring.config.additional-location=file:/etc/ledger/",
                "--spring.config.import=file:/etc/ledger.yml", "--spring.application.json={}")) {
            assertThat(FreshStore.foreignSetting(List.of("--logging.level.root=INFO", argument), Map.of(), NO_PROPERTIES))
                    .as(argument).hasValueSatisfying(reason -> assertThat(reason).contains(argument.split("=", 2)[0]));
        }
    }

    @Test
    void environmentVariablesAndSystemPropertiesThatChooseTheDatabaseAreRefused() {
        for (String variable : List.of("SPRING_DATASOURCE_URL", "LEDGER_DATADIR", "SPRING_CONFIG_LOCATION", "SPRING_APPLICATION_JSON")) {
            assertThat(FreshStore.foreignSetting(List.of(), Map.of("PATH", "/usr/bin", variable, "x"), NO_PROPERTIES))
                    .hasValue("the environment variable " + variable + " is set");
        }
        Properties properties = new Properties();
        properties.setProperty("spring.datasource.url", "jdbc:postgresql://db/ledger");
        assertThat(FreshStore.foreignSetting(List.of(), Map.of(), properties)).hasValue("the system property spring.datasource.url is set");
    }

    @Test
    void otherSpringPropertiesAreAllowed() {
        assertThat(FreshStore.foreignSetting(List.of("--logging.level.root=INFO", "--axon.eventhandling.processors.totals.batch-size=500"),
                Map.of("PATH", "/usr/bin", "HOME", "/root"), NO_PROPERTIES)).isEmpty();
    }

    @Test
    void onlyAnEmptyDatabaseInTheBenchsOwnDirectoryIsWrittenInto() {
        Path own = Path.of("/tmp/ledger-bench-1");
        assertThat(FreshStore.problem(own, "/tmp/ledger-bench-1/postgres", 0)).isEmpty();
        assertThat(FreshStore.problem(own, "/tmp/ledger-bench-1/postgres", 12)).hasValue("the database already holds 12 events");
        assertThat(FreshStore.problem(own, "/var/lib/ledger/postgres", 0)).hasValueSatisfying(reason ->
                assertThat(reason).contains("/var/lib/ledger/postgres", "is not in the bench's own /tmp/ledger-bench-1"));
        assertThat(FreshStore.problem(own, "/tmp/ledger-bench-10/postgres", 0)).isPresent();
        assertThat(FreshStore.problem(own, null, 0)).isPresent();
    }
}
