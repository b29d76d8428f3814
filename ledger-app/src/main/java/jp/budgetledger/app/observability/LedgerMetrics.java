package jp.budgetledger.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The ledger's own metrics, beside Axon's: commands by type and outcome
 * ({@code ledger_commands_total}), rejections by rule ({@code ledger_rejections_total}) and the
 * number of lines per import ({@code ledger_import_lines}).
 */
@Component
public class LedgerMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary importLines;

    public LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.importLines = DistributionSummary.builder("ledger.import.lines").description("lines per imported document").register(registry);
    }

    public void command(Object command, String outcome) {
        Counter.builder("ledger.commands").description("commands sent, by type and outcome")
                .tag("type", command.getClass().getSimpleName()).tag("outcome", outcome).register(registry).increment();
    }

    public void rejection(String rule) {
        Counter.builder("ledger.rejections").description("requests rejected by a ledger rule").tag("rule", rule).register(registry).increment();
    }

    public void imported(int lines) {
        importLines.record(lines);
    }
}
