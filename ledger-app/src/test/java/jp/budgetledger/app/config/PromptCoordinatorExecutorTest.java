package jp.budgetledger.app.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PromptCoordinatorExecutorTest {

    private final PromptCoordinatorExecutor executor = new PromptCoordinatorExecutor("totals");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theWaitForRoomInTheQueuesIsCutShort() throws Exception {
        CompletableFuture<Boolean> looked = new CompletableFuture<>();
        Runnable lookAgain = () -> looked.complete(true);
        ScheduledFuture<?> look = executor.schedule(lookAgain, 100, TimeUnit.MILLISECONDS);
        ScheduledFuture<String> answer = executor.schedule(() -> "looked", 100, TimeUnit.MILLISECONDS);

        assertThat(look.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(PromptCoordinatorExecutor.SPACE_WAIT_MILLIS);
        assertThat(answer.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(PromptCoordinatorExecutor.SPACE_WAIT_MILLIS);
        assertThat(looked.get(1, TimeUnit.SECONDS)).isTrue();
        assertThat(answer.get(1, TimeUnit.SECONDS)).isEqualTo("looked");
    }

    @Test
    void longerWaitsAreKept() {
        ScheduledFuture<?> claim = executor.schedule(() -> { }, 500, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> idle = executor.schedule(() -> { }, 5, TimeUnit.SECONDS);

        assertThat(claim.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(PromptCoordinatorExecutor.LONGEST_SPACE_WAIT_MILLIS);
        assertThat(idle.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(4_000);
    }

    @Test
    void runsOnOneThreadNamedAfterItsProcessor() throws Exception {
        CompletableFuture<String> name = new CompletableFuture<>();
        executor.schedule(() -> name.complete(Thread.currentThread().getName()), 0, TimeUnit.MILLISECONDS);

        assertThat(name.get(1, TimeUnit.SECONDS)).startsWith("Coordinator[totals]");
        assertThat(executor.getCorePoolSize()).isEqualTo(1);
    }
}
