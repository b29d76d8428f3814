package jp.budgetledger.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.budgetledger.core.api.InitiativeWithdrawn;
import jp.budgetledger.core.api.WithdrawalKind;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link InitiativeWithdrawn} revision 1 (before withdrawals had a kind) is read as revision 2:
 * every withdrawal recorded then was an abolition ({@code kind: ABOLISHED}, no {@code mergedInto}).
 * Only the representation read is changed; the stored bytes, and so their hashes, stay as they were.
 */
@Component
@Order(1)
public class InitiativeWithdrawnV1ToV2 extends SingleEventUpcaster {

    private static final SimpleSerializedType V1 = new SimpleSerializedType(InitiativeWithdrawn.class.getName(), "1");
    private static final SimpleSerializedType V2 = new SimpleSerializedType(InitiativeWithdrawn.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(V1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(V2, JsonNode.class, payload -> {
            ObjectNode node = (ObjectNode) payload;
            node.put("kind", WithdrawalKind.ABOLISHED.name());
            node.putNull("mergedInto");
            return node;
        });
    }
}
