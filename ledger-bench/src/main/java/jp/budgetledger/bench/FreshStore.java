package jp.budgetledger.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The bench writes only into the database it creates: a fresh embedded PostgreSQL in its own new
 * data directory. Before the ledger starts, {@link #foreignSetting} finds any setting that could
 * point it elsewhere (a data source, a data directory, other configuration files); once it has
 * started, and before anything is written, {@link #problem} checks the database really is the
 * one in the bench's directory and holds no event.
 */
final class FreshStore {

    /** Thrown when the bench would write into a database it did not create; nothing was written. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String reason) {
            super("bench: refused: " + reason + "; the bench writes only into the fresh embedded database it creates");
        }
    }

    /**
     * Keys, in Spring's relaxed form without separators, that choose the database or what
     * configuration is read (and so could choose it).
     */
    private static final List<String> FORBIDDEN = List.of("springdatasource", "ledgerdatadir", "springconfig", "springapplicationjson");

    private FreshStore() {
    }

    /** The first setting among Spring arguments, environment and system properties that could point the ledger at another database. */
    static Optional<String> foreignSetting(List<String> springArguments, Map<String, String> environment, Properties systemProperties) {
        for (String argument : springArguments) {
            String name = argument.startsWith("--") ? argument.substring(2).split("=", 2)[0] : argument;
            if (forbidden(name)) {
                return Optional.of("the argument " + argument.split("=", 2)[0] + " chooses the database or its configuration");
            }
        }
        for (String name : environment.keySet()) {
            if (forbidden(name)) {
                return Optional.of("the environment variable " + name + " is set");
            }
        }
        for (String name : systemProperties.stringPropertyNames()) {
            if (forbidden(name)) {
                return Optional.of("the system property " + name + " is set");
            }
        }
        return Optional.empty();
    }

    /**
     * Why the started ledger's database is not the bench's own fresh one, if it is not:
     * {@code dataDirectory} is the server's ({@code SHOW data_directory}), {@code events} the number
     * of events it holds.
     */
    static Optional<String> problem(Path benchDirectory, String dataDirectory, long events) {
        Path own = benchDirectory.toAbsolutePath().normalize();
        if (dataDirectory == null || !Path.of(dataDirectory).toAbsolutePath().normalize().startsWith(own)) {
            return Optional.of("the database's data directory " + dataDirectory + " is not in the bench's own " + own);
        }
        if (events > 0) {
            return Optional.of(String.format(Locale.ROOT, "the database already holds %,d events", events));
        }
        return Optional.empty();
    }

    private static boolean forbidden(String name) {
        String relaxed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return FORBIDDEN.stream().anyMatch(relaxed::startsWith);
    }
}
