package jp.budgetledger.app.cli;

import jp.budgetledger.core.document.BundledSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands of {@code ledger-app.jar}: each prints its report and exits non-zero when the work was rejected or found a defect. */
class LedgerCliIT {

    @TempDir
    Path dataDir;

    private record Run(int exit, String output) {
    }

    private Run run(String... args) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int exit = LedgerCli.run(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }

    @Test
    void importingTheSampleReportsItsSectionsAndChecksAndASecondRunAddsNothing() throws Exception {
        Path file = dataDir.resolve("betsu3.txt");
        Files.write(file, BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY));
        Path bad = dataDir.resolve("bad.txt");
        Files.writeString(bad, Files.readString(file).replace("312,451", "312,452"));
        String data = "--ledger.data-dir=" + dataDir.resolve("ledger");

        Run dryRun = run("import", file.toString(), "--fiscal-year", "2020", "--dry-run", data);
        assertThat(dryRun.exit()).isZero();
        assertThat(dryRun.output()).contains("別紙3 スマート自治体関連事業一覧表", "210,321", "row 47", "312,451", "dry run");

        Run rejected = run("import", bad.toString(), "--fiscal-year", "2020", data);
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.output()).contains("row 47: 合計(1+2+3+4+5): printed 312,452 千円 but the lines add up to 312,451 千円");

        Run imported = run("import", file.toString(), "--fiscal-year", "2020", data);
        assertThat(imported.exit()).isZero();
        assertThat(imported.output()).contains("16 lines read, 16 added, 0 already present");

        Run again = run("import", file.toString(), "--fiscal-year", "2020", "--json", data);
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("\"alreadyPresent\" : 16", "\"added\" : 0");

        assertThat(run("import", file.toString(), data).exit()).isEqualTo(2);

        Run replay = run("replay", "--fiscal-year", "2020", "--effective-on", "2020-06-01", data);
        assertThat(replay.exit()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("\"totalYen\" : 312451000", "replay and read model agree");

        Path digest = dataDir.resolve("digest.json");
        Run verify = run("verify", data);
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("17 events verified");
        String report = verify.output().substring(verify.output().indexOf('{'), verify.output().lastIndexOf('}') + 1);
        Files.writeString(digest, new com.fasterxml.jackson.databind.ObjectMapper().readTree(report).get("digest").toString());
        Run against = run("verify", "--digest", digest.toString(), data);
        assertThat(against.exit()).as(against.output()).isZero();
        assertThat(against.output()).contains("\"matches\" : true");

        Run signed = run("tree-head", "--sign", data);
        assertThat(signed.exit()).as(signed.output()).isZero();
        assertThat(signed.output()).contains("\"treeSize\" : 17", "\"lastPosition\" : 17");
        Path head = dataDir.resolve("tree-head.json");
        Files.writeString(head, signed.output().substring(signed.output().indexOf('{'), signed.output().lastIndexOf('}') + 1));
        Run publicKey = run("public-key", data);
        assertThat(publicKey.exit()).isZero();
        assertThat(publicKey.output()).contains("-----BEGIN PUBLIC KEY-----").doesNotContain("PRIVATE");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDir.resolve("ledger/secrets/tree-head-signing-key.pem")))).isEqualTo("rw-------");
        Path leaves = dataDir.resolve("tree-leaves.ndjson");
        Run exported = run("export-tree-leaves", "--out", leaves.toString(), data);
        assertThat(exported.exit()).as(exported.output()).isZero();
        assertThat(Files.readAllLines(leaves)).hasSize(17).first().asString().startsWith("{\"leafIndex\":0,\"position\":1,\"leafHash\":\"");
        Run againstHead = run("verify", "--tree-head", head.toString(), data);
        assertThat(againstHead.exit()).as(againstHead.output()).isZero();
        assertThat(againstHead.output()).contains("\"signatureValid\" : true", "\"matches\" : true");
        assertThat(run("tree-head", "--tree-size", "17", data).output()).contains("\"treeSize\" : 17");
        assertThat(run("tree-head", "--tree-size", "5", data).exit()).isEqualTo(1);
    }

    @Test
    void importingABudgetCsvReportsItsTotalsAndASecondRunAddsNothing() throws Exception {
        Path file = dataDir.resolve("r3-tousho.csv");
        Files.writeString(file, """
                No,年度,会計,歳入歳出,款,項,目,節,所属,予算額（千円）
                1,令和3年度,01 一般会計,歳入,1 市税,1 市民税,1 個人,,税務課,"5,000"
                2,令和3年度,01 一般会計,歳出,1 議会費,1 議会費,1 議会費,1 報酬,議会事務局,"1,200"
                3,令和3年度,01 一般会計,歳出,2 総務費,1 総務管理費,1 一般管理費,2 給料,総務課,"3,800"
                4,令和3年度,01 一般会計,歳出,2 総務費,1 総務管理費,1 一般管理費,3 職員手当等,総務課,0
                """, Charset.forName("windows-31j"));
        String data = "--ledger.data-dir=" + dataDir.resolve("ledger");

        Path outline = dataDir.resolve("r3-outline.csv");
        Files.writeString(outline, """
                款,項,目,節,説明,R2,R3
                歳出,,,,,,
                議会費,,,,,"1,000","1,200"
                ,議会費,,,,"1,000","1,200"
                ,,議会費,,,"1,000","1,200"
                """, StandardCharsets.UTF_8);
        Run outlined = run("import-budget-csv", outline.toString(), "--fiscal-year", "2021", "--unit", "thousand", "--dry-run", data);
        assertThat(outlined.exit()).as(outlined.output()).isZero();
        assertThat(outlined.output()).contains("the outline of a budget book (every subtotal checked)", "1 議会費", "1,200,000 円",
                "dry run");

        Run dryRun = run("import-budget-csv", file.toString(), "--dry-run", data);
        assertThat(dryRun.exit()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("r3-tousho.csv", "Shift_JIS", "千円", "fiscal year 2021 (令和3年度)",
                "1 市税", "2 総務費", "3,800,000 円", "total 10,000,000 円", "dry run");

        Run rejected = run("import-budget-csv", file.toString(), "--expected-total-yen", "10000001", data);
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.output()).contains("expectedTotalYen: the file's lines add up to 10,000,000 円 but the printed total is 10,000,001 円");

        Run imported = run("import-budget-csv", file.toString(), "--expected-total-yen", "10000000", data);
        assertThat(imported.exit()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("4 lines read, 4 added, 0 already present");

        Run again = run("import-budget-csv", file.toString(), "--json", data);
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("\"alreadyPresent\" : 4", "\"added\" : 0");

        Run replay = run("replay", "--fiscal-year", "2021", "--effective-on", "2021-06-01", data);
        assertThat(replay.exit()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("\"totalYen\" : 10000000", "replay and read model agree");
    }

    @Test
    void closingAnEndedYearPrintsItsSealAndASecondCloseIsRefused() throws Exception {
        Path file = dataDir.resolve("betsu-2012.txt");
        Files.write(file, BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY));
        String data = "--ledger.data-dir=" + dataDir.resolve("ledger");
        assertThat(run("import", file.toString(), "--fiscal-year", "2012", data).exit()).isZero();

        Run closed = run("close-year", "--fiscal-year", "2012", "--reason", "決算認定", "--actor", "財政課長", data);
        assertThat(closed.exit()).as(closed.output()).isZero();
        assertThat(closed.output()).contains("\"forced\" : false", "\"treeHead\"", "\"inclusionProof\"");

        Run again = run("close-year", "--fiscal-year", "2012", "--reason", "二度目", data);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.output()).contains("fiscal-year-already-closed");
    }
}
