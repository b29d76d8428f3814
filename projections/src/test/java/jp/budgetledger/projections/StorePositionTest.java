package jp.budgetledger.projections;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorePositionTest {

    @Test
    void readsThePositionTheStoreGaveTheEvent() {
        assertThat(StorePosition.of(GenericEventMessage.asEventMessage("e").andMetaData(Map.of(StorePosition.METADATA_KEY, 42))))
                .isEqualTo(42L);
        assertThat(StorePosition.of(GenericEventMessage.asEventMessage("e")
                .andMetaData(Map.of(StorePosition.METADATA_KEY, 5_000_000_000L)))).isEqualTo(5_000_000_000L);
    }

    @Test
    void anEventNotReadFromTheStoreHasNoPosition() {
        assertThatThrownBy(() -> StorePosition.of(GenericEventMessage.asEventMessage("e")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not read from the event store");
        assertThatThrownBy(() -> StorePosition.of(GenericEventMessage.asEventMessage("e")
                .andMetaData(Map.of(StorePosition.METADATA_KEY, "7"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
