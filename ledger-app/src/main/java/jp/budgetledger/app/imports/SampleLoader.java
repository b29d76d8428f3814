package jp.budgetledger.app.imports;

import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.document.BundledSamples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import jp.budgetledger.app.eventstore.StoredEvents;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;


/**
 * On an empty event store of the ledger's own embedded database, imports the bundled 別紙3 sample as fiscal year 2020 so that a
 * newcomer sees real numbers at once (start-up waits until the read models show them).
 * {@code ledger.sample.load=false} turns it off. It never writes into a store that holds events, and on an external database
 * ({@code spring.datasource.url} set) it does nothing and says so in the log, unless {@code ledger.sample.load=force}.
 */
@Component
@ConditionalOnExpression("'${ledger.sample.load:true}'.trim().toLowerCase() != 'false'")
class SampleLoader implements ApplicationRunner {

    static final int SAMPLE_FISCAL_YEAR = 2020;
    static final String ACTOR = "sample-loader";
    private static final Logger log = LoggerFactory.getLogger(SampleLoader.class);

    private final BudgetImportService imports;
    private final StoredEvents store;
    private final ProjectionProgress progress;

    private final boolean force;
    private final boolean externalDatabase;

    SampleLoader(BudgetImportService imports, StoredEvents store, ProjectionProgress progress, Environment environment) {
        this.imports = imports;
        this.store = store;
        this.progress = progress;
        String mode = environment.getProperty("ledger.sample.load", "true").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("true") && !mode.equals("force")) {
            throw new IllegalStateException("ledger.sample.load must be true, false or force, not " + mode);
        }
        this.force = mode.equals("force");
        String url = environment.getProperty("spring.datasource.url");
        this.externalDatabase = url != null && !url.isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (externalDatabase && !force) {
            log.info("Not loading the bundled sample: the database is an external one (spring.datasource.url is set); "
                    + "ledger.sample.load=force loads it into an empty external store");
            return;
        }
        if (!store.isEmpty()) {
            log.debug("Not loading the bundled sample: the event store already holds events");
            return;
        }
        ImportReport report;
        try {
            report = imports.importDocument(BundledSamples.bytes(BundledSamples.SMART_MUNICIPALITY), null,
                    SAMPLE_FISCAL_YEAR, false, Requester.system(ACTOR));
        } catch (ImportRejectedException e) {
            log.info("The bundled sample was loaded by another node starting at the same time");
            return;
        }
        if (report.position() != null && !progress.awaitPosition(report.position(), Duration.ofSeconds(60))) {
            log.warn("The read models have not caught up with the sample yet; figures will appear shortly");
        }
        log.info("Loaded the bundled sample {} as fiscal year {}: {} (ledger.sample.load=false turns this off)",
                BundledSamples.SMART_MUNICIPALITY, SAMPLE_FISCAL_YEAR, report.message());
    }
}
