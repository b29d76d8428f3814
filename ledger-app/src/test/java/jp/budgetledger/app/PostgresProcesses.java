package jp.budgetledger.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The processes of a PostgreSQL server, found from its data directory, and signals sent to them (Linux). */
public final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /** The postmaster of the server running on {@code dataDirectory} and every process it started. */
    public static List<Long> of(Path dataDirectory) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** Sends {@code signal} ({@code STOP}, {@code CONT}, {@code KILL}...) to {@code pids}. */
    public static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).as("kill -" + signal + " " + pids).isZero();
    }
}
