package jp.budgetledger.app.config;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Axon 4.13.0 starts a non-daemon {@code axon-janitor} thread for handler time-outs and never
 * stops it (AxonFramework#4244, fixed in 4.13.1), which keeps the JVM alive after the context
 * closes. Time-outs are disabled ({@code axon.timeout.enabled=false}) so the thread is normally
 * never started; should anything start it, it is shut down with the context.
 * <p>
 * Listed, with the Axon issue it covers, in the deployment guide's "Workarounds of Axon 4.13.0".
 */
@Component
class AxonJanitorShutdown implements ApplicationListener<ContextClosedEvent> {

    static final String THREAD_NAME = "axon-janitor";

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        boolean running = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith(THREAD_NAME) && t.isAlive());
        if (running) {
            org.axonframework.messaging.timeout.AxonTaskJanitor.INSTANCE.shutdownNow();
        }
    }
}
