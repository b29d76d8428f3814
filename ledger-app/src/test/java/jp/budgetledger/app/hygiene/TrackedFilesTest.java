package jp.budgetledger.app.hygiene;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a run generates is tracked by git: no database data directory, no {@code data/} tree at
 * any depth, no build output, no log. Outside a git checkout nothing is tracked, so nothing is checked.
 */
class TrackedFilesTest {

    private static final Pattern GENERATED = Pattern.compile(
            "(^|.*/)(data|target)/.*|.*/?PG_VERSION|(^|.*/)pg_(wal|xact|tblspc)/.*|.*/postgresql\\.(auto\\.)?conf|.*\\.log");

    @Test
    void noGeneratedOrRuntimeFileIsTracked() throws Exception {
        Optional<Path> checkout = checkout();
        if (checkout.isEmpty()) {
            return;
        }
        List<String> generated = tracked(checkout.get()).stream().filter(path -> GENERATED.matcher(path).matches()).toList();
        assertThat(generated).as("generated or runtime files tracked by git (remove them with git rm --cached)").isEmpty();
    }

    @Test
    void theRuleRecognisesADataDirectoryAtAnyDepth() {
        assertThat(List.of("data/postgres/PG_VERSION", "ledger-app/data/postgres/base/1/112", "x/y/data/demo-credentials.txt",
                "ledger-app/target/classes/a.class", "pg/pg_wal/000000010000000000000001", "service.log"))
                .allMatch(path -> GENERATED.matcher(path).matches());
        assertThat(List.of("ledger-core/src/main/resources/jp/budgetledger/core/document/betsu3-smart-municipality.txt",
                "docs/deployment.md", "ledger-app/src/main/java/jp/budgetledger/app/imports/SampleLoader.java", "metadata/x.java"))
                .noneMatch(path -> GENERATED.matcher(path).matches());
    }

    private static Optional<Path> checkout() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static List<String> tracked(Path checkout) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(checkout.toFile()).redirectErrorStream(false).start();
        byte[] out = git.getInputStream().readAllBytes();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).as("git ls-files finished").isTrue();
        assertThat(git.exitValue()).as("git ls-files exit code").isZero();
        return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0")).filter(p -> !p.isEmpty()).toList();
    }
}
