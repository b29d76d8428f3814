package jp.budgetledger.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.budgetledger.app.limits.RequestLimits;
import org.springframework.util.unit.DataSize;
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

    private static final String MAX_IMPORT_BYTES = "ledger.limits.max-import-bytes";

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

    /**
     * The file's bytes, or null (having said so on {@code out}) when there is no such file or it is
     * larger than an import takes ({@code ledger.limits.max-import-bytes} among the Spring arguments,
     * as a system property or in the environment; 10MB by default), checked before it is read.
     */
    static byte[] read(Path file, PrintStream out, List<String> springArguments) throws IOException {
        if (!Files.isRegularFile(file)) {
            out.println("no such file: " + file);
            return null;
        }
        long limit = maxImportBytes(springArguments).toBytes();
        long size = Files.size(file);
        if (size > limit) {
            out.println(file + " has " + size + " bytes; an import takes at most " + limit + " (ledger.limits.max-import-bytes)");
            return null;
        }
        return Files.readAllBytes(file);
    }

    static DataSize maxImportBytes(List<String> springArguments) {
        String prefix = "--" + MAX_IMPORT_BYTES + "=";
        String value = springArguments.stream().filter(a -> a.startsWith(prefix)).reduce((a, b) -> b)
                .map(a -> a.substring(prefix.length()))
                .orElseGet(() -> System.getProperty(MAX_IMPORT_BYTES, System.getenv("LEDGER_LIMITS_MAX_IMPORT_BYTES")));
        return value == null || value.isBlank() ? RequestLimits.defaults().maxImportBytes() : DataSize.parse(value.trim());
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
