package jp.budgetledger.app.cluster;

import jp.budgetledger.app.LedgerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerPortFileWriter;

/**
 * A node's main class: the ledger, which once its web server is up writes the port it bound to the file the system
 * property {@code PORTFILE} names.
 */
final class PortFileNode {

    private PortFileNode() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication node = new SpringApplication(LedgerApplication.class);
        node.addListeners(new WebServerPortFileWriter());
        node.run(args);
    }
}
