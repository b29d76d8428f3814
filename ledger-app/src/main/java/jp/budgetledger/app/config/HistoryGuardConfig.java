package jp.budgetledger.app.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/** Runs the {@link HistoryGuard} once the migrations (and their grants) are done, before anything is served. */
@Configuration(proxyBeanMethods = false)
class HistoryGuardConfig {

    @Bean
    @DependsOn("flywayInitializer")
    InitializingBean historyGuard(DataSource dataSource, DatabaseRoleProperties properties) {
        return () -> HistoryGuard.check(JdbcClient.create(dataSource), properties.historyGuard());
    }
}
