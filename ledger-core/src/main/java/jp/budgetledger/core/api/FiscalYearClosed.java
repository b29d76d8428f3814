package jp.budgetledger.core.api;

import org.axonframework.serialization.Revision;

/**
 * The fiscal year was closed (確定): from this event on, nothing of the year may be recorded until it is reopened.
 * {@code forced} when it was closed before its 出納整理期間 ended (31 May of the following year), with the change's
 * reason saying why; {@code change.effectiveDate()} is the day it was closed (Japan time).
 */
@Revision("1")
public record FiscalYearClosed(FiscalYear fiscalYear, ChangeContext change, boolean forced) implements FiscalYearLifeEvent {
}
