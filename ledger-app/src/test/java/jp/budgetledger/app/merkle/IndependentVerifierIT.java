package jp.budgetledger.app.merkle;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerApplication;
import jp.budgetledger.app.TestUsers;
import jp.budgetledger.app.backup.EventBackup;
import jp.budgetledger.app.config.DatabaseSecrets;
import jp.budgetledger.app.config.EmbeddedDatabaseRoles;
import jp.budgetledger.verifier.VerifierMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21 as an auditor checks it: with the service stopped, the database superuser edits a payload and re-hashes
 * the line's whole chain, and the service is started again; the independent verifier, given only the event export,
 * a tree head signed before and the public key, names the edited position; the service's own role cannot switch
 * the append-only trigger off, and a connection without a password is refused.
 */
class IndependentVerifierIT {

    @TempDir
    Path dataDir;
    @TempDir
    Path auditor;

    private ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0", "--ledger.sample.load=false",
                "--ledger.approval.required-for="));
        arguments.addAll(TestUsers.arguments());
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private Path export(ConfigurableApplicationContext context, String name) throws Exception {
        Path file = auditor.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            context.getBean(EventBackup.class).export(out);
        }
        return file;
    }

    private record Run(int exit, String out) {
    }

    private static Run verifier(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VerifierMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out + err.toString());
    }

    @Test
    void theVerifierNamesThePayloadTheSuperuserEditedAndReHashedWhileTheServiceWasStopped() throws Exception {
        String lineId;
        long edited;
        Path head = auditor.resolve("tree-head.json");
        Path key = auditor.resolve("public-key.pem");
        try (ConfigurableApplicationContext context = start()) {
            Api api = api(context);
            lineId = api.post("/api/initiatives", line(2137, "1", "分類", "総務部", "防災無線", 1_000_000)).text("id");
            edited = api.post("/api/initiatives/" + lineId + "/amendments", "{\"newAmountYen\": 1200000, \"reason\": \"増額\"}").number("position");
            api.post("/api/initiatives/" + lineId + "/amendments", "{\"newAmountYen\": 1300000, \"reason\": \"再増額\"}");
            api.post("/api/initiatives", line(2137, "2", "分類", "出納局", "窓口端末", 400_000));
            Api.Response signed = api.post("/api/audit/tree-heads", "");
            assertThat(signed.status()).isEqualTo(201);
            assertThat(signed.body().get("treeSize").asLong()).isEqualTo(4);
            Files.writeString(head, signed.raw());
            Api.Response publicKey = api.get("/api/audit/public-key");
            assertThat(publicKey.raw()).startsWith("-----BEGIN PUBLIC KEY-----");
            Files.writeString(key, publicKey.raw());

            Run clean = verifier("--events", export(context, "before.ndjson").toString(), "--tree-head", head.toString(), "--public-key", key.toString());
            assertThat(clean.exit()).as(clean.out()).isZero();
        }

        String password = DatabaseSecrets.of(dataDir).password(EmbeddedDatabaseRoles.SUPERUSER);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false)
                .setConnectConfig("password", password).setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''").start();
             Connection connection = DriverManager.getConnection(EmbeddedDatabaseRoles.jdbcUrl(postgres.getPort()), EmbeddedDatabaseRoles.SUPERUSER, password)) {
            JdbcClient superuser = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            List<MerkleAttackIT.Row> chain = superuser.sql("""
                            SELECT globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision,
                                   payload, metaData FROM domainevententry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber""")
                    .param(lineId)
                    .query((rs, i) -> new MerkleAttackIT.Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)))
                    .list();
            List<MerkleAttackIT.Row> forged = chain.stream().map(row -> {
                if (row.position() != edited) {
                    return row;
                }
                String payload = new String(row.payload(), StandardCharsets.UTF_8);
                assertThat(payload).contains("1200000");
                return new MerkleAttackIT.Row(row.position(), row.aggregate(), row.sequence(), row.type(), row.eventId(), row.timeStamp(),
                        row.payloadType(), row.payloadRevision(), payload.replace("1200000", "9200000").getBytes(StandardCharsets.UTF_8), row.metaData());
            }).toList();
            superuser.sql("ALTER TABLE domainevententry DISABLE TRIGGER USER").update();
            MerkleAttackIT.rehashed(forged).forEach(row -> superuser.sql("UPDATE domainevententry SET payload = ?, metaData = ? WHERE globalIndex = ?")
                    .params(row.payload(), row.metaData(), row.position()).update());
            superuser.sql("ALTER TABLE domainevententry ENABLE TRIGGER USER").update();
        }

        try (ConfigurableApplicationContext context = start()) {
            Api api = api(context);
            Path events = export(context, "after.ndjson");
            Path leaves = auditor.resolve("leaves.ndjson");
            Files.writeString(leaves, api.get("/api/audit/tree-leaves?treeSize=4").raw());

            Run named = verifier("--events", events.toString(), "--tree-head", head.toString(), "--public-key", key.toString(),
                    "--leaves", leaves.toString());
            assertThat(named.exit()).as(named.out()).isEqualTo(1);
            assertThat(named.out()).contains("位置 " + edited).contains("altered");

            Run bounded = verifier("--events", events.toString(), "--tree-head", head.toString(), "--public-key", key.toString());
            assertThat(bounded.exit()).as(bounded.out()).isEqualTo(1);

            JdbcClient service = context.getBean(JdbcClient.class);
            assertThatThrownBy(() -> service.sql("ALTER TABLE domainevententry DISABLE TRIGGER ALL").update())
                    .hasStackTraceContaining("must be owner of table domainevententry");
            int port = context.getBean(EmbeddedPostgres.class).getPort();
            assertThatThrownBy(() -> DriverManager.getConnection(EmbeddedDatabaseRoles.jdbcUrl(port), EmbeddedDatabaseRoles.SUPERUSER, null).close())
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }
}
