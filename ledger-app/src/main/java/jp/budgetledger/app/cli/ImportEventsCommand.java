package jp.budgetledger.app.cli;

import jp.budgetledger.app.backup.EventBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code import-events FILE}: restores an export into an empty event store (exit 1 when the store is not empty or an event fails its hash). */
@Command(name = "import-events", mixinStandardHelpOptions = true, description = "Restore an NDJSON export into an empty event store.")
class ImportEventsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments));
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            EventBackup.Restored restored = context.getBean(EventBackup.class).restore(in);
            System.out.println(restored.events() + " events restored (last position " + restored.lastPosition() + "), "
                    + restored.lines() + " lines registered; the read models rebuild from them");
            return 0;
        } catch (IllegalStateException e) {
            System.out.println("not restored: " + e.getMessage());
            return 1;
        }
    }
}
