package jp.budgetledger.projections.documents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the layout of a fiscal year's imported documents. */
@Component
public class DocumentLayoutQueries {

    /** The latest document imported into a fiscal year. */
    public record DocumentHeader(String documentId, String title, String attachment, String unit, String sha256) {
    }

    /** A section as the documents of a fiscal year named it, with its notes. */
    public record SectionLayout(String code, String name, List<String> notes) {
    }

    private final JdbcClient jdbc;

    public DocumentLayoutQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DocumentHeader> latestDocument(int fiscalYear) {
        return jdbc.sql("""
                        SELECT document_id, title, attachment, unit, sha256 FROM budget_document
                        WHERE fiscal_year = ? ORDER BY position DESC LIMIT 1""")
                .param(fiscalYear)
                .query((rs, i) -> new DocumentHeader(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    public Map<String, SectionLayout> sections(int fiscalYear) {
        return jdbc.sql("SELECT category_code, name, notes FROM budget_document_section WHERE fiscal_year = ?")
                .param(fiscalYear)
                .query((rs, i) -> new SectionLayout(rs.getString(1), rs.getString(2), rs.getString(3).isEmpty() ? List.of()
                        : Arrays.asList(rs.getString(3).split(DocumentLayoutProjection.NOTE_SEPARATOR))))
                .list().stream().collect(Collectors.toMap(SectionLayout::code, s -> s));
    }

    /** Ids of the lines of a fiscal year that share the summary cell of the line above them. */
    public Set<String> linesSharingSummary(int fiscalYear) {
        return Set.copyOf(jdbc.sql("""
                        SELECT l.initiative_id FROM budget_document_line l JOIN budget_document d USING (document_id)
                        WHERE d.fiscal_year = ? AND l.summary_shared""")
                .param(fiscalYear)
                .query(String.class)
                .list());
    }
}
