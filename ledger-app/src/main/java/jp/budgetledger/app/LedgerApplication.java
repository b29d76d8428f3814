package jp.budgetledger.app;

import jp.budgetledger.app.cli.LedgerCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.ldap.LdapAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// Boot's own LDAP beans (a context source for localhost and its health check) are not used: the directory sign-in
// builds its own from ledger.security.ldap.
@SpringBootApplication(scanBasePackages = "jp.budgetledger", exclude = LdapAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class LedgerApplication {

    public static void main(String[] args) {
        // Axon's update checker calls a remote host; this ledger never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (LedgerCli.isCommand(args)) {
            System.exit(LedgerCli.run(args));
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
