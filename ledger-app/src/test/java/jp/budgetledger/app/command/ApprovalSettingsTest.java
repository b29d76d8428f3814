package jp.budgetledger.app.command;

import jp.budgetledger.core.api.ChangeContext;
import jp.budgetledger.core.api.InitiativeId;
import jp.budgetledger.core.api.Money;
import jp.budgetledger.core.api.TransferFunds;
import jp.budgetledger.core.api.TransferId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalSettingsTest {

    private static final TransferFunds TRANSFER = new TransferFunds(TransferId.of("tr-1"), InitiativeId.of("a"), InitiativeId.of("b"),
            Money.ofYen(1), ChangeContext.of("流用"));

    private static ApprovalSettings bound(String requiredFor) {
        return new Binder(new MapConfigurationPropertySource(Map.of("ledger.approval.required-for", requiredFor)))
                .bind("ledger.approval", ApprovalSettings.class).orElseGet(() -> new ApprovalSettings(null));
    }

    @Test
    void aKindListedAsTheYamlDefaultIsWrittenNeedsApproval() {
        ApprovalSettings settings = bound("transfer, reserve-fund-use, bill-submission, senketsu");
        assertThat(settings.requiredFor()).containsExactly("transfer", "reserve-fund-use", "bill-submission", "senketsu");
        assertThat(settings.requires(TRANSFER)).isTrue();
        assertThat(bound(" Transfer ").requires(TRANSFER)).isTrue();
    }

    @Test
    void anEmptyListOrAnotherKindLetsATransferThroughAtOnce() {
        assertThat(bound("").requiredFor()).isEmpty();
        assertThat(bound("").requires(TRANSFER)).isFalse();
        assertThat(bound("senketsu").requires(TRANSFER)).isFalse();
        assertThat(new ApprovalSettings(List.of()).requires(TRANSFER)).isFalse();
    }
}
