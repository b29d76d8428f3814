package jp.budgetledger.app.eventstore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The event processors' tokens as every node stores them: one row per processor and segment. */
@Component
public class ProcessorTokens {

    private final JdbcClient jdbc;

    public ProcessorTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A segment's serialised token ({@code token} null before the segment has one) and its type name. */
    public record StoredToken(byte[] token, String type) {
    }

    /** The stored token of each segment of processor {@code name}. */
    public List<StoredToken> tokens(String name) {
        return jdbc.sql("SELECT token, tokenType FROM tokenentry WHERE processorName = ?")
                .param(name)
                .query((rs, i) -> new StoredToken(rs.getBytes(1), rs.getString(2)))
                .list();
    }

    /** How many segments processor {@code name} has. */
    public int segments(String name) {
        return jdbc.sql("SELECT count(*)::integer FROM tokenentry WHERE processorName = ?")
                .param(name).query(Integer.class).single();
    }

    /** How many segments of processor {@code name} some node has claimed. */
    public int claimedSegments(String name) {
        return jdbc.sql("SELECT count(*)::integer FROM tokenentry WHERE processorName = ? AND owner IS NOT NULL")
                .param(name).query(Integer.class).single();
    }

    /** Releases every claim of every processor; returns how many there were. Only for a database no other node uses. */
    public int releaseAllClaims() {
        return jdbc.sql("UPDATE tokenentry SET owner = NULL WHERE owner IS NOT NULL").update();
    }
}
