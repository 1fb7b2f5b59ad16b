package org.onlabel.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

class DeepEvaluationsTest {
    private final DeepEvaluations gate = new DeepEvaluations(1, 200, Duration.ZERO);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letGo() {
        release.countDown();
    }

    /** A deep evaluation on another thread that holds the only permit until the test lets it go. */
    private CompletableFuture<String> holdThePermit() throws InterruptedException {
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> gate.run(1001, () -> {
            holding.countDown();
            await(release);
            return "held";
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDeepEvaluationBeyondTheBoundIsRefusedWithServiceUnavailable() throws Exception {
        CompletableFuture<String> held = holdThePermit();
        assertThatThrownBy(() -> gate.run(201, () -> "second"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("more than 200 datasets").contains("Retry-After");
                });
        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(gate.run(1001, () -> "after")).isEqualTo("after");
    }

    @Test
    void aShallowEvaluationNeverWaitsForThePermit() throws Exception {
        holdThePermit();
        assertThat(gate.isDeep(200)).isFalse();
        assertThat(gate.run(200, () -> "shallow")).isEqualTo("shallow");
    }

    @Test
    void aFailingEvaluationGivesItsPermitBack() {
        assertThatThrownBy(() -> gate.run(5000, () -> {
            throw new IllegalStateException("rule failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(gate.run(5000, () -> "next")).isEqualTo("next");
    }

    @Test
    void noPermitsAtAllIsAConfigurationError() {
        assertThatThrownBy(() -> new DeepEvaluations(0, 200, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
