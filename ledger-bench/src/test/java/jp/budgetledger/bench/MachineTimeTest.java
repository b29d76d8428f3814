package jp.budgetledger.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MachineTimeTest {

    @Test
    void processStatIsReadAfterTheCommandNameEvenWhenItHoldsSpacesAndParentheses() {
        MachineTime.Stat stat = MachineTime.Stat.parse(
                "4242 (postgres: x (y) z) S 4100 4242 4242 0 -1 4194560 900 0 0 0 1234 567 89 10 20 0 1 0 300 0 0");

        assertThat(stat.parent()).isEqualTo(4100);
        assertThat(stat.userTicks()).isEqualTo(1234);
        assertThat(stat.systemTicks()).isEqualTo(567);
        assertThat(stat.childrenUserTicks()).isEqualTo(89);
        assertThat(stat.childrenSystemTicks()).isEqualTo(10);
        assertThat(stat.ownTicks()).isEqualTo(1801);
    }

    @Test
    void machineBusyTimeLeavesOutIdleIoWaitAndStolenTime() {
        MachineTime.MachineTicks ticks = MachineTime.MachineTicks.parse("cpu  100 5 50 1000 30 7 3 2 0 0");

        assertThat(ticks.busy()).isEqualTo(100 + 5 + 50 + 7 + 3);
        assertThat(ticks.all()).isEqualTo(100 + 5 + 50 + 1000 + 30 + 7 + 3);
    }

    @Test
    void aWindowOfWorkIsChargedToThisJvmAndTheMachineAndNoPostgresServerIsInvented() {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux's /proc");
        MachineTime meter = MachineTime.forBackend(ProcessHandle.current().pid(), "/nonexistent-data-directory");
        MachineTime.Sample before = meter.sample();
        assertThat(before.postgresMicros()).as("no PostgreSQL server working in that directory").isEqualTo(-1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            spin++;
        }
        MachineTime.Sample after = meter.sample();
        MachineTime.Cost cost = meter.between(before, after, 3).orElseThrow();

        assertThat(spin).isPositive();
        assertThat(cost.jvm()).as("µs per operation of 300 ms of this thread's CPU in three").isBetween(70_000.0, 1_000_000.0);
        assertThat(cost.busy()).isGreaterThanOrEqualTo(cost.jvm() - 2 * MachineTime.MICROS_PER_TICK);
        assertThat(cost.postgres()).isNaN();
        assertThat(cost.line("a spin", "operation")).startsWith("bench: cpu of a spin: ")
                .contains("µs of the machine per operation (JVM ", "PostgreSQL not on this host");
    }
}
