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
        TreeHeadCommand.class, PublicKeyCommand.class, ExportTreeLeavesCommand.class, CloseYearCommand.class},
        description = "Budget Ledger operations. Without a command, the jar starts the service.")
public class LedgerCli implements Runnable {

    private static final Set<String> COMMANDS = Set.of("import", "import-budget-csv", "replay", "verify", "export-events", "import-events", "rebuild", "hash-password",
            "tree-head", "public-key", "export-tree-leaves", "close-year", "help", "--help", "-h");

    /** Whether {@code args} ask for a command rather than the service (the command may follow {@code --name=value} settings). */
    public static boolean isCommand(String[] args) {
        return commandAt(args) >= 0;
    }

    /** Where the command is: the first argument that is not a {@code --name=value} setting, when it names a command; else -1. */
    private static int commandAt(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (COMMANDS.contains(args[i])) {
                return i;
            }
            if (!(args[i].startsWith("--") && args[i].contains("="))) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code args} with the command first and the settings given before it after it, as the commands read them. */
    static String[] commandFirst(String[] args) {
        int at = commandAt(args);
        if (at <= 0) {
            return args;
        }
        java.util.List<String> ordered = new java.util.ArrayList<>(java.util.List.of(args));
        ordered.add(0, ordered.remove(at));
        return ordered.toArray(String[]::new);
    }

    public static int run(String[] args) {
        args = commandFirst(args);
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
