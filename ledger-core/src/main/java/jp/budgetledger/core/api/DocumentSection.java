package jp.budgetledger.core.api;

import java.util.List;

/** A numbered section of an imported document: its category code and name, and its notes ((注)…) as printed. */
public record DocumentSection(String code, String name, List<String> notes) {

    public DocumentSection {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
