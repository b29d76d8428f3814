package jp.budgetledger.app.imports;

import jp.budgetledger.app.command.Requester;
import jp.budgetledger.app.projection.ProjectionProgress;
import jp.budgetledger.core.document.BundledSamples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import jp.budgetledger.app.eventstore.StoredEvents;
import org.springframework.stereotype.Component;

import java.time.Duration;


/**
 * On an empty event store, imports the bundled 別紙3 sample as fiscal year 2020 so that a
 * newcomer sees real numbers at once (start-up waits until the read models show them).
 * {@code ledger.sample.load=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "ledger.sample.load", havingValue = "true", matchIfMissing = true)
class SampleLoader implements ApplicationRunner {

    static final int SAMPLE_FISCAL_YEAR = 2020;
    static final String ACTOR = "sample-loader";
    private static final Logger log = LoggerFactory.getLogger(SampleLoader.class);

    private final BudgetImportService imports;
    private final StoredEvents store;
    private final ProjectionProgress progress;

    SampleLoader(BudgetImportService imports, StoredEvents store, ProjectionProgress progress) {
        this.imports = imports;
        this.store = store;
        this.progress = progress;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!store.isEmpty()) {
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
