package jp.budgetledger.app.cli;

import jp.budgetledger.app.backup.EventBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code export-events FILE}: the whole event stream as NDJSON, streamed, with each event's hash. */
@Command(name = "export-events", mixinStandardHelpOptions = true, description = "Write every event, byte for byte, as NDJSON.")
class ExportEventsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        long count;
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            count = context.getBean(EventBackup.class).export(out);
        }
        System.out.println(count + " events written to " + file);
        return 0;
    }
}
