package jp.budgetledger.app;

import org.springframework.boot.SpringApplication;

/** Starts the ledger, closes it and returns from main: the JVM must then exit on its own. */
public final class ExitProbe {

    private ExitProbe() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(LedgerApplication.class, args).close();
    }
}
