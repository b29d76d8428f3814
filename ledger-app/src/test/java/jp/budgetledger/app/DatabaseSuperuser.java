package jp.budgetledger.app;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A JdbcClient connected as the database superuser of a running ledger's embedded database, for tests that tamper. */
public final class DatabaseSuperuser {

    private DatabaseSuperuser() {
    }

    public static JdbcClient jdbc(ApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }
}
