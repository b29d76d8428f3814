package jp.budgetledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.budgetledger.app.Api;
import jp.budgetledger.app.LedgerIT;
import jp.budgetledger.app.command.LedgerCommands;
import jp.budgetledger.app.command.Requester;
import jp.budgetledger.core.api.AmendAmount;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import jp.budgetledger.core.domain.DepartmentOutOfScopeException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static jp.budgetledger.app.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Department scoping is decided by the lines themselves, inside the command's unit of work: a command sent past the web layer's
 * early check (or after the line moved since it) is refused all the same, and nothing is recorded.
 */
class DepartmentScopeIT extends LedgerIT {

    private static final Requester SOUMU = new Requester("soumu-officer", "scope-it", "scope-it", List.of("総務部"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerCommands commands;

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private String add(String department, String name) {
        Api.Response added = new Api(port).post("/api/initiatives", line(2115, "1", "分類", department, name, 10_000));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return added.text("id");
    }

    @Test
    void aCommandSentPastTheControllerCannotChangeALineOfAnotherDepartment() {
        InitiativeId treasury = InitiativeId.of(add("出納局", "出納事業"));
        InitiativeId general = InitiativeId.of(add("総務部", "総務事業"));
        long before = events();

        assertThatThrownBy(() -> commands.amend(AmendAmount.by(treasury, Money.ofYen(1), ChangeContext.of("越権")), SOUMU))
                .isInstanceOf(DepartmentOutOfScopeException.class)
                .hasMessageContaining("soumu-officer may not change lines of 出納局");
        assertThatThrownBy(() -> commands.transfer(new TransferFunds(TransferId.generate(), general, treasury, Money.ofYen(1),
                ChangeContext.of("越権")), SOUMU)).isInstanceOf(DepartmentOutOfScopeException.class);
        assertThat(events()).isEqualTo(before);

        assertThat(commands.amend(AmendAmount.by(general, Money.ofYen(1), ChangeContext.of("増額")), SOUMU).result().amount())
                .isEqualTo(Money.ofYen(10_001));
    }

    @Test
    void aLineMovedToAnotherDepartmentAfterTheEarlyCheckIsRefusedByTheLineItself() throws Exception {
        InitiativeId line = InitiativeId.of(add("総務部", "移管される事業"));
        Api soumu = new Api(port).as("soumu-officer");
        assertThat(soumu.post("/api/initiatives/" + line.value() + "/amendments", "{\"deltaYen\": 1, \"reason\": \"増額\"}").status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT department_key FROM initiative_key WHERE initiative_id = ?").param(line.value())
                .query(String.class).single()).as("what the early check read").isEqualTo("総務部");

        Api.Response moved = new Api(port).post("/api/initiatives/" + line.value() + "/reassignments",
                "{\"department\": \"出納局\", \"reason\": \"移管\"}");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        long before = events();
        assertThatThrownBy(() -> commands.amend(AmendAmount.by(line, Money.ofYen(1), ChangeContext.of("越権")), SOUMU))
                .isInstanceOf(DepartmentOutOfScopeException.class);
        assertThat(events()).isEqualTo(before);

        Api.Response refused = soumu.post("/api/initiatives/" + line.value() + "/amendments", "{\"deltaYen\": 1, \"reason\": \"越権\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("department");
    }

    @Test
    void theScopeTravelsOnTheCommandOnlyNeverOnItsEvents() throws Exception {
        String line = add("総務部", "範囲の記録");
        Api.Response amended = new Api(port).as("multi-officer").post("/api/initiatives/" + line + "/amendments",
                "{\"deltaYen\": 1, \"reason\": \"増額\"}");
        assertThat(amended.status()).as(amended.raw()).isEqualTo(200);
        String metadata = jdbc.sql("SELECT convert_from(metaData, 'UTF8') FROM domainevententry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1").param(line).query(String.class).single();
        assertThat(new ObjectMapper().readTree(metadata).get("actor").asText()).isEqualTo("multi-officer");
        assertThat(new ObjectMapper().readTree(metadata).has("departments")).as(metadata).isFalse();
    }
}
