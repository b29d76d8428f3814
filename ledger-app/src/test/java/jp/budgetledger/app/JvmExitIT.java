package jp.budgetledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** After the application context closes no thread keeps the JVM alive (Axon 4.13.0's janitor thread included). */
class JvmExitIT {

    @TempDir
    Path dataDir;

    @Test
    void theJvmExitsOnItsOwnOnceTheLedgerIsClosed() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ExitProbe.class.getName(), "--ledger.data-dir=" + dataDir, "--server.port=0"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("probe.log").toFile())
                .start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("JVM exited by itself; log in " + dataDir + File.separator + "probe.log").isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
