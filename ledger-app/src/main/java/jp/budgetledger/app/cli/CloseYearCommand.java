package jp.budgetledger.app.cli;

import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.years.FiscalYears;
import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.core.domain.LedgerRuleViolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code close-year --fiscal-year N --reason … [--reference …] [--force] [--actor …]}: closes (確定) and seals a fiscal year. */
@Command(name = "close-year", mixinStandardHelpOptions = true,
        description = "Close (確定) a fiscal year and seal the close with a signed tree head, as POST /api/fiscal-years/{year}/close; "
                + "prints the close with its tree head as JSON. --force closes before the end of its 出納整理期間 (31 May N+1).")
class CloseYearCommand implements Callable<Integer> {

    @Option(names = "--fiscal-year", required = true, paramLabel = "N", description = "the fiscal year, e.g. 2025")
    int fiscalYear;

    @Option(names = "--reason", required = true, description = "why the year is closed")
    String reason;

    @Option(names = "--reference", description = "the decision it rests on, e.g. 決算認定")
    String reference;

    @Option(names = "--force", description = "close before the end of the 出納整理期間")
    boolean force;

    @Option(names = "--actor", defaultValue = "cli", description = "who closes it, recorded as the actor (default: cli)")
    String actor;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try (var context = CommandContext.start(ReplayCommand.withoutSample(springArguments))) {
            FiscalYears.Closed closed = context.getBean(FiscalYears.class).close(FiscalYear.of(fiscalYear),
                    new ChangeContext(null, reason, reference), force, Requester.system(actor));
            new PrintStream(System.out, true, StandardCharsets.UTF_8).println(ReplayCommand.json().writeValueAsString(closed));
            return 0;
        } catch (LedgerRuleViolation e) {
            System.err.println(e.rule() + ": " + e.getMessage());
            return 1;
        }
    }
}
