package jp.budgetledger.app.cli;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HashPasswordCommandTest {

    private record Run(int exitCode, String out) {
    }

    private static Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int code = LedgerCli.run(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
    }

    @Test
    void thePrintedHashMatchesThePasswordReadFromStandardInput() {
        Run run = run("パスワード-2026\n", "hash-password", "--cost", "10");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("$2a$10$");
        assertThat(new BCryptPasswordEncoder().matches("パスワード-2026", run.out())).isTrue();
        assertThat(new BCryptPasswordEncoder().matches("other", run.out())).isFalse();
    }

    @Test
    void anEmptyPasswordOrAWeakCostIsRefused() {
        assertThat(run("\n", "hash-password", "--cost", "10").exitCode()).isEqualTo(1);
        assertThat(run("secret\n", "hash-password", "--cost", "4").exitCode()).isEqualTo(2);
    }
}
