package cn.shoudi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a run counts as abandoned, so that another instance may claim it. */
class RunLeaseUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    @Test
    void aRunWithoutOwnerOrHeartbeatIsFreeToClaim() {
        assertThat(RunLease.NONE.stale(NOW, STALE_AFTER)).isTrue();
        assertThat(new RunLease(null, NOW).stale(NOW, STALE_AFTER)).isTrue();
        assertThat(new RunLease("a", null).stale(NOW, STALE_AFTER)).isTrue();
    }

    @Test
    void anOwnerThatHeartbeatedWithinTheLimitKeepsItsRunAndOneSilentLongerLosesIt() {
        assertThat(new RunLease("a", NOW.minusSeconds(5)).stale(NOW, STALE_AFTER)).isFalse();
        assertThat(new RunLease("a", NOW.minus(STALE_AFTER)).stale(NOW, STALE_AFTER)).isFalse();
        assertThat(new RunLease("a", NOW.minus(STALE_AFTER).minusSeconds(1)).stale(NOW, STALE_AFTER)).isTrue();
    }

    @Test
    void aHeartbeatIntervalThatCouldLetALiveOwnerLookStaleIsRefused() {
        assertThatThrownBy(() -> new RunsProperties(Duration.ofSeconds(30), Duration.ofSeconds(15), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat-interval");
        assertThat(new RunsProperties(null, null, null).staleAfter()).isEqualTo(STALE_AFTER);
    }
}
