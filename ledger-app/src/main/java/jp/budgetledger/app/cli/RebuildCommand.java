package jp.budgetledger.app.cli;

import jp.budgetledger.app.cluster.ProjectionRebuilds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rebuild NAME}: the same coordinated rebuild as {@code POST /api/admin/projections/{name}/rebuild}, waiting until it is done. */
@Command(name = "rebuild", mixinStandardHelpOptions = true, description = "Rebuild a projection from the events on every node, and wait for it.")
class RebuildCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "initiative-list, totals, documents, audit-log or temporal")
    String name;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments))) {
            ProjectionRebuilds rebuilds = context.getBean(ProjectionRebuilds.class);
            rebuilds.request(name, System.getProperty("user.name", "cli"));
            long deadline = System.nanoTime() + Duration.ofHours(6).toNanos();
            while (System.nanoTime() < deadline) {
                ProjectionRebuilds.Status status = rebuilds.status(name).orElseThrow();
                out.printf("%s: %s, %s / %s events, %s events/s, about %s s left%n", name, status.state(), status.eventsDone(),
                        status.totalEvents(), status.eventsPerSecond(), status.secondsLeft());
                if (status.state().equals("done")) {
                    return 0;
                }
                Thread.sleep(2_000);
            }
            return 1;
        }
    }
}
