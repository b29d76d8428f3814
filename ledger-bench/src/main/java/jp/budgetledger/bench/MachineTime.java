package jp.budgetledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time of this JVM, of a PostgreSQL server on the same host (its postmaster and all its
 * processes, those already ended included) and of the whole machine, from Linux's {@code /proc}:
 * what a benchmark window cost per operation, and who spent it. Where {@code /proc} cannot be
 * read the figures are absent, never guessed.
 */
final class MachineTime {

    /** {@code /proc} counts in USER_HZ, 100 per second on Linux whatever the kernel's own tick. */
    static final long MICROS_PER_TICK = 10_000;

    private final long postmaster;
    private final int cores = Runtime.getRuntime().availableProcessors();

    private MachineTime(long postmaster) {
        this.postmaster = postmaster;
    }

    /**
     * The meter for the server whose backend process is {@code backendPid} and whose data
     * directory is {@code dataDirectory}; without PostgreSQL's figures unless that process's parent
     * here works in that directory (a server on another host, or in another process namespace).
     */
    static MachineTime forBackend(long backendPid, String dataDirectory) {
        long parent = stat(backendPid).map(Stat::parent).orElse(-1L);
        return new MachineTime(parent > 0 && worksIn(parent, dataDirectory) ? parent : -1L);
    }

    private static boolean worksIn(long pid, String directory) {
        try {
            return Path.of("/proc", Long.toString(pid), "cwd").toRealPath().equals(Path.of(directory).toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What was spent up to now. */
    record Sample(long nanoTime, long jvmMicros, long postgresMicros, long busyMicros, long allMicros) {
    }

    /** One process's line of {@code /proc/<pid>/stat}, the fields used here. */
    record Stat(long parent, long userTicks, long systemTicks, long childrenUserTicks, long childrenSystemTicks) {

        /** Parses the line; the command name in parentheses may hold spaces and parentheses itself. */
        static Stat parse(String line) {
            String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" +");
            return new Stat(Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14]));
        }

        long ownTicks() {
            return userTicks + systemTicks;
        }
    }

    /**
     * Busy and total time of all cores from the first line of {@code /proc/stat}, in ticks: user,
     * nice, system, idle, I/O wait, interrupts; time stolen by the hypervisor is neither.
     */
    record MachineTicks(long busy, long all) {

        static MachineTicks parse(String cpuLine) {
            String[] fields = cpuLine.trim().split(" +");
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            long all = 0;
            for (int i = 1; i <= 7 && i < fields.length; i++) {
                all += Long.parseLong(fields[i]);
            }
            return new MachineTicks(all - idle, all);
        }
    }

    Sample sample() {
        long jvmNanos = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        long jvm = jvmNanos < 0 ? -1 : jvmNanos / 1_000;
        MachineTicks machine = machine().orElse(new MachineTicks(-1, -1));
        return new Sample(System.nanoTime(), jvm, micros(postgresTicks()), micros(machine.busy()), micros(machine.all()));
    }

    /** Machine time per operation in a window, in microseconds, and the share of the cores left idle. */
    record Cost(double busy, double jvm, double postgres, double idlePercent, int cores) {

        /** PostgreSQL's part is {@code NaN} when its server runs on another host. */
        String line(String what, String unit) {
            String parts = Double.isNaN(postgres)
                    ? String.format(Locale.ROOT, "JVM %.0f, PostgreSQL not on this host", jvm)
                    : String.format(Locale.ROOT, "JVM %.0f, PostgreSQL %.0f, rest %.0f", jvm, postgres, Math.max(0, busy - jvm - postgres));
            return String.format(Locale.ROOT, "bench: cpu of %s: %.0f µs of the machine per %s (%s); %d cores %.0f %% idle",
                    what, busy, unit, parts, cores, idlePercent);
        }
    }

    /** The window between two samples per operation, or empty where {@code /proc} cannot be read. */
    Optional<Cost> between(Sample before, Sample after, double operations) {
        if (operations <= 0 || before.busyMicros() < 0 || before.jvmMicros() < 0) {
            return Optional.empty();
        }
        long busy = after.busyMicros() - before.busyMicros();
        double postgres = before.postgresMicros() < 0 || after.postgresMicros() < 0
                ? Double.NaN : (after.postgresMicros() - before.postgresMicros()) / operations;
        return Optional.of(new Cost(busy / operations, (after.jvmMicros() - before.jvmMicros()) / operations, postgres,
                100.0 * (1 - (double) busy / (after.allMicros() - before.allMicros())), cores));
    }

    private long postgresTicks() {
        if (postmaster < 0) {
            return -1;
        }
        Optional<Stat> server = stat(postmaster);
        if (server.isEmpty()) {
            return -1;
        }
        long ticks = server.get().ownTicks() + server.get().childrenUserTicks() + server.get().childrenSystemTicks();
        return ticks + ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::children)
                .mapToLong(child -> stat(child.pid()).map(Stat::ownTicks).orElse(0L)).sum();
    }

    private static Optional<Stat> stat(long pid) {
        try {
            return Optional.of(Stat.parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<MachineTicks> machine() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.findFirst().filter(l -> l.startsWith("cpu ")).map(MachineTicks::parse);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long micros(long ticks) {
        return ticks < 0 ? -1 : ticks * MICROS_PER_TICK;
    }
}
