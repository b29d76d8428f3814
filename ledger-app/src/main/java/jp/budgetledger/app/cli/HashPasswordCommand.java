package jp.budgetledger.app.cli;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code hash-password}: reads a password (from the terminal without echo, or one line of standard
 * input) and prints its bcrypt hash for {@code ledger.security.users[n].password-hash}.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Print the bcrypt hash of a password read from the terminal or standard input, for ledger.security.users[n].password-hash.")
class HashPasswordCommand implements Callable<Integer> {

    @Option(names = "--cost", defaultValue = "12", description = "bcrypt cost, 10 to 16 (default: ${DEFAULT-VALUE})")
    int cost;

    @Override
    public Integer call() throws Exception {
        if (cost < 10 || cost > 16) {
            System.err.println("--cost must be between 10 and 16");
            return 2;
        }
        Console console = System.console();
        String password = console != null ? new String(console.readPassword("password: "))
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isBlank()) {
            System.err.println("no password given");
            return 1;
        }
        System.out.println(new BCryptPasswordEncoder(cost).encode(password));
        return 0;
    }
}
