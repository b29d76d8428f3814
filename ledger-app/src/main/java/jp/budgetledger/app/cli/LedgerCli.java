package jp.budgetledger.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/**
 * {@code java -jar ledger-app.jar <command> …}: operations on the ledger without the HTTP
 * service. Each command starts the ledger's configuration (same database, same data directory)
 * without a web server, does its work and exits with 0 on success, 1 when the work was rejected
 * and 2 on a usage error. Spring properties ({@code --ledger.data-dir=…}) may follow.
 */
@Command(name = "ledger-app.jar", mixinStandardHelpOptions = true, subcommands = {ImportCommand.class, ImportBudgetCsvCommand.class, ReplayCommand.class, VerifyCommand.class,
        ExportEventsCommand.class, ImportEventsCommand.class, RebuildCommand.class, HashPasswordCommand.class,
        TreeHeadCommand.class, PublicKeyCommand.class, ExportTreeLeavesCommand.class},
        description = "Budget Ledger operations. Without a command, the jar starts the service.")
public class LedgerCli implements Runnable {

    private static final Set<String> COMMANDS = Set.of("import", "import-budget-csv", "replay", "verify", "export-events", "import-events", "rebuild", "hash-password",
            "tree-head", "public-key", "export-tree-leaves", "help", "--help", "-h");

    /** Whether {@code args} ask for a command rather than the service. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        CommandLine commandLine = new CommandLine(new LedgerCli());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CommandContext.CommandFailedException) {
                line.getErr().println(e.getMessage());
                return 3;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
