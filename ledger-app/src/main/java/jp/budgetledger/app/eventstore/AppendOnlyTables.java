package jp.budgetledger.app.eventstore;

import java.util.List;

/** The tables whose rows, once written, are history: the service may only read them and add to them. */
public final class AppendOnlyTables {

    /** Their names; those that exist in a database are the ones its migrations have created. */
    public static final List<String> NAMES = List.of("domainevententry", "merkle_leaf", "merkle_node", "signed_tree_head");

    private AppendOnlyTables() {
    }
}
