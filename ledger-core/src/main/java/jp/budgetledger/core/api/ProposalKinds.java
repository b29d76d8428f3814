package jp.budgetledger.core.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import java.util.Arrays;
import java.util.List;

/** The kinds of {@link Proposal}: the type names of its {@code @JsonSubTypes}, e.g. {@code transfer}. */
public final class ProposalKinds {

    private static final List<JsonSubTypes.Type> TYPES = Arrays.asList(Proposal.class.getAnnotation(JsonSubTypes.class).value());

    private ProposalKinds() {
    }

    /** The kind of {@code proposal}'s type. */
    public static String of(Proposal proposal) {
        return of(proposal.getClass());
    }

    /** The kind of a proposal type. */
    public static String of(Class<? extends Proposal> type) {
        return TYPES.stream().filter(t -> t.value().equals(type)).map(JsonSubTypes.Type::name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not listed in Proposal's @JsonSubTypes"));
    }

    /** Every kind, in the order listed. */
    public static List<String> all() {
        return TYPES.stream().map(JsonSubTypes.Type::name).toList();
    }
}
