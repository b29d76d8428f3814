package jp.budgetledger.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The options every import command takes besides its file and its Spring properties: who imports and JSON output. */
class ImportOptions {

    @Option(names = "--actor", description = "who is importing (default: the OS user)", defaultValue = "${sys:user.name}")
    String actor;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    /** The Spring arguments for the ledger an import starts (never loading the bundled sample). */
    static List<String> ledgerArguments(List<String> springArguments) {
        List<String> arguments = new ArrayList<>(springArguments);
        arguments.add("--ledger.sample.load=false");
        return arguments;
    }

    /** The file's bytes, or null (having said so on {@code out}) when there is no such file. */
    static byte[] read(Path file, PrintStream out) throws IOException {
        if (!Files.isRegularFile(file)) {
            out.println("no such file: " + file);
            return null;
        }
        return Files.readAllBytes(file);
    }

    /** Prints {@code report} as JSON when asked to, else as {@code text} prints it. */
    <R> void print(R report, Consumer<R> text, PrintStream out) throws IOException {
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            text.accept(report);
        }
    }
}
