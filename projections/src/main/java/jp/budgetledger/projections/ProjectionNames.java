package jp.budgetledger.projections;

import java.util.List;

/** The processing groups (event processors) that feed the read models. */
public final class ProjectionNames {

    public static final String INITIATIVE_LIST = "initiative-list";
    public static final String TOTALS = "totals";
    public static final String DOCUMENTS = "documents";
    public static final String AUDIT_LOG = "audit-log";
    public static final String TEMPORAL = "temporal";

    /** Every processor whose tables the query API reads. */
    public static final List<String> ALL = List.of(INITIATIVE_LIST, TOTALS, DOCUMENTS, AUDIT_LOG, TEMPORAL);

    private ProjectionNames() {
    }
}
