package jp.budgetledger.app.config;

import jp.budgetledger.app.problem.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's scheduled tasks (heartbeats, rebuild coordination) run again at their next tick
 * after a failure. While the database is unavailable each failure is one warning line, not a stack
 * trace a second; any other failure is logged as an error with its stack trace.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfig {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfig.class);

    @Bean
    ThreadPoolTaskSchedulerCustomizer quietWhileTheDatabaseIsUnavailable() {
        return scheduler -> scheduler.setErrorHandler(failure -> {
            if (DatabaseUnavailable.causedBy(failure)) {
                log.warn("A scheduled task could not reach the database; it runs again at its next tick: {}", failure.toString());
            } else {
                log.error("A scheduled task failed; it runs again at its next tick", failure);
            }
        });
    }
}
