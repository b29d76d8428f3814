package jp.budgetledger.app.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCliTest {

    @Test
    void aCommandAfterSettingsIsStillACommandAndRunsWithThoseSettings() {
        String[] args = {"--ledger.data-dir=/srv/ledger", "export-events", "events.ndjson"};
        assertThat(LedgerCli.isCommand(args)).isTrue();
        assertThat(LedgerCli.commandFirst(args)).containsExactly("export-events", "--ledger.data-dir=/srv/ledger", "events.ndjson");
    }

    @Test
    void settingsAloneOrAnUnknownWordStartTheService() {
        assertThat(LedgerCli.isCommand(new String[]{"--server.port=8081"})).isFalse();
        assertThat(LedgerCli.isCommand(new String[]{"--server.port=8081", "serve"})).isFalse();
        assertThat(LedgerCli.isCommand(new String[]{})).isFalse();
        assertThat(LedgerCli.commandFirst(new String[]{"verify", "--ledger.data-dir=d"})).containsExactly("verify", "--ledger.data-dir=d");
    }
}
