package jp.budgetledger.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in the log which database the ledger uses when it is an external one. */
@Component
@ConditionalOnProperty("spring.datasource.url")
class ExternalDatabaseLogger implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ExternalDatabaseLogger.class);
    private final Environment environment;

    ExternalDatabaseLogger(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        log.info("Database: external PostgreSQL at {}", environment.getProperty("spring.datasource.url"));
    }
}
