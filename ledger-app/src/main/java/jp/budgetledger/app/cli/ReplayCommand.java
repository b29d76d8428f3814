package jp.budgetledger.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jp.budgetledger.app.audit.LiteralReplay;
import jp.budgetledger.app.audit.ReplayReport;
import jp.budgetledger.core.api.FiscalYear;
import jp.budgetledger.projections.temporal.Moment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code replay --fiscal-year 2020 [--as-of INSTANT] [--effective-on DATE]}: literal replay against the read model. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Fold the raw event stream into the budget at a moment and compare it with the temporal read model.")
class ReplayCommand implements Callable<Integer> {

    @Option(names = "--fiscal-year", required = true)
    int fiscalYear;

    @Option(names = "--as-of", description = "ISO-8601 instant: only events recorded by then (default: now)")
    Instant asOf;

    @Option(names = "--effective-on", description = "date: only changes in force that day (default: the whole fiscal year)")
    LocalDate effectiveOn;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        FiscalYear year = FiscalYear.of(fiscalYear);
        Moment moment = new Moment(effectiveOn == null ? year.lastDay() : effectiveOn, asOf == null ? Instant.now() : asOf);
        ReplayReport report;
        try (var context = CommandContext.start(withoutSample(springArguments))) {
            report = context.getBean(LiteralReplay.class).replay(year, moment);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(json().writeValueAsString(report));
        out.printf("%d events read in %d ms (%,d events/s); %s%n", report.eventsRead(), report.millis(), report.eventsPerSecond(),
                report.matches() ? "replay and read model agree" : report.differences().size() + " DIFFERENCES");
        return report.matches() ? 0 : 1;
    }

    static List<String> withoutSample(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--ledger.sample.load=false");
        return all;
    }

    static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    }
}
