package jp.budgetledger.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Budget tables shipped with the ledger. */
public final class BundledSamples {

    /** A prefecture's 別紙3: 16 smart-municipality budget lines in 5 sections, 312,451 千円 in all. */
    public static final String SMART_MUNICIPALITY = "betsu3-smart-municipality.txt";

    private BundledSamples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = BundledSamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
