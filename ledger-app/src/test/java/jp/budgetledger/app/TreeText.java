package jp.budgetledger.app;

import com.fasterxml.jackson.databind.JsonNode;

/** The 科目 tree of {@code GET /api/totals/tree} as text for assertions: one node a line, indented by its depth. */
public final class TreeText {

    private TreeText() {
    }

    /** Each node as "level code name totalYen lineCount" ("-" for no code), its children indented below it. */
    public static String render(JsonNode nodes) {
        StringBuilder out = new StringBuilder();
        render(nodes, "", out);
        return out.toString();
    }

    private static void render(JsonNode nodes, String indent, StringBuilder out) {
        for (JsonNode n : nodes) {
            out.append(indent).append(n.get("level").asText()).append(' ').append(n.get("code").isNull() ? "-" : n.get("code").asText())
                    .append(' ').append(n.get("name").asText()).append(' ').append(n.get("totalYen").asLong()).append(' ')
                    .append(n.get("lineCount").asInt()).append('\n');
            render(n.get("children"), indent + "  ", out);
        }
    }
}
