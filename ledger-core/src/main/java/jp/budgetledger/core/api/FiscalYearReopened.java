package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * A closed fiscal year was reopened, for the change's reason, with an approver's consent (carried in the event's
 * metadata as for every approved change); {@code change.effectiveDate()} is the day it was reopened (Japan time).
 */
@Revision("1")
public record FiscalYearReopened(FiscalYear fiscalYear, ChangeContext change) implements FiscalYearLifeEvent {
}
