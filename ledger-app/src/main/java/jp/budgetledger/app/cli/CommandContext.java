package jp.budgetledger.app.cli;

import jp.budgetledger.app.LedgerApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/** The ledger's configuration without a web server, quiet apart from warnings, for one command. */
final class CommandContext {

    private CommandContext() {
    }

    /**
     * @throws CommandFailedException with the root cause's message when the ledger cannot start
     */
    static ConfigurableApplicationContext start(List<String> arguments) {
        try {
            return new SpringApplicationBuilder(LedgerApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .properties("logging.level.root=WARN", "logging.level.jp.budgetledger=WARN",
                            "logging.level.org.springframework.boot.SpringApplication=OFF")
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new CommandFailedException("the ledger could not start: " + root.getMessage(), e);
        }
    }

    /** A command could not do its work for a reason outside the input (exit code 3). */
    static class CommandFailedException extends RuntimeException {
        CommandFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
