package org.parley.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthProbesTest {

    private final HealthProbes probes = new HealthProbes();

    @BeforeAll
    static void responses() {
        PlainResponses.install();
    }

    @Test
    void aCheckWhoseModuleHasNotStartedIsDown() {
        HealthCheckResponse response = probes.call(ParleyChecks.CHAT_STORE);

        assertThat(response.getName()).isEqualTo(ParleyChecks.CHAT_STORE);
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData())
                .hasValueSatisfying(data -> assertThat(data).containsEntry("state", "not started"));
    }

    @Test
    void aRegisteredProbeAnswersUntilItsModuleWithdrawsIt() {
        probes.register(ParleyChecks.FILE_STORE, () -> HealthCheckResponse.up(ParleyChecks.FILE_STORE));
        assertThat(probes.call(ParleyChecks.FILE_STORE).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        probes.withdraw(ParleyChecks.FILE_STORE);

        assertThat(probes.call(ParleyChecks.FILE_STORE).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void aProbeThatFailsIsDownWithTheReasonAndAnswersUnderItsChecksName() {
        probes.register(ParleyChecks.MESSAGING, () -> {
            throw new IllegalStateException("broker gone");
        });
        probes.register(ParleyChecks.THREADS, () -> HealthCheckResponse.up("something else"));

        HealthCheckResponse failed = probes.call(ParleyChecks.MESSAGING);
        assertThat(failed.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(failed.getData())
                .hasValueSatisfying(
                        data -> assertThat(data.get("failure").toString()).contains("broker gone"));
        assertThat(probes.call(ParleyChecks.THREADS).getName()).isEqualTo(ParleyChecks.THREADS);
    }
}
