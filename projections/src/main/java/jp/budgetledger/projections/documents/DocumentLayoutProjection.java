package jp.budgetledger.projections.documents;

import jp.budgetledger.projections.StorePosition;
import jp.budgetledger.core.api.BudgetDocumentImported;
import jp.budgetledger.core.api.DocumentLine;
import jp.budgetledger.core.api.DocumentSection;
import jp.budgetledger.projections.ProjectionNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keeps the layout tables of imported documents. The latest document of a fiscal year names its sections and notes;
 * lines without a section (a budget CSV's) have no place in a 別紙 layout and are not kept.
 */
@Component
@ProcessingGroup(ProjectionNames.DOCUMENTS)
public class DocumentLayoutProjection {

    static final String NOTE_SEPARATOR = "\n";
    private final JdbcClient jdbc;

    public DocumentLayoutProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BudgetDocumentImported event, @Timestamp Instant recordedAt, EventMessage<?> message) {
        int fiscalYear = event.fiscalYear().value();
        jdbc.sql("""
                        INSERT INTO budget_document (document_id, fiscal_year, title, attachment, unit, sha256, line_count,
                                                     position, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING""")
                .params(event.documentId().value(), fiscalYear, event.document().title(), event.document().attachment(),
                        event.document().unit(), event.document().sha256(), event.lines().size(),
                        StorePosition.of(message), recordedAt.atOffset(ZoneOffset.UTC))
                .update();
        for (DocumentSection section : event.sections()) {
            jdbc.sql("""
                            INSERT INTO budget_document_section (fiscal_year, category_code, name, notes, document_id)
                            VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (fiscal_year, category_code) DO UPDATE
                            SET name = EXCLUDED.name, notes = EXCLUDED.notes, document_id = EXCLUDED.document_id""")
                    .params(fiscalYear, section.code(), section.name(), String.join(NOTE_SEPARATOR, section.notes()),
                            event.documentId().value())
                    .update();
        }
        for (DocumentLine line : event.lines()) {
            if (line.sectionCode() == null) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO budget_document_line (initiative_id, document_id, section_code, row_number, summary_shared)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (initiative_id) DO NOTHING""")
                    .params(line.initiativeId().value(), event.documentId().value(), line.sectionCode(), line.row(),
                            line.summaryShared())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE budget_document, budget_document_section, budget_document_line").update();
    }
}
