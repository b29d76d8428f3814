package jp.budgetledger.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a projection collects from the events of one processing batch, handed to its writer when
 * the batch's unit of work prepares its commit: in the transaction that also stores the
 * processor's token, in the order the events came. Outside a unit of work (a direct call) each
 * item is written at once, as a batch of one.
 *
 * @param <T> what the projection collects per event
 */
public final class ProcessingBatch<T> {

    private final String resource;
    private final Consumer<List<T>> writer;

    /** {@code owner} names the batch within a unit of work: one batch per owner. */
    public ProcessingBatch(Class<?> owner, Consumer<List<T>> writer) {
        this.resource = owner.getName() + ".batch";
        this.writer = writer;
    }

    /** Adds {@code item} to the current batch, or writes it now when no batch is being processed. */
    public void add(T item) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.accept(List.of(item));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(resource, key -> {
            List<T> items = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> writer.accept(items));
            return items;
        }).add(item);
    }
}
