package org.parley.chat.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import jakarta.ejb.EJBException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.parley.chat.domain.shared.ChatException;

/** What each recording does to the meters an operator reads (names as registered; Prometheus adds the suffixes). */
class ParleyMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ParleyMeters meters = ParleyMeters.on(registry);

    private double posts(String outcome, String reason) {
        return registry.get("parley.posts")
                .tags("outcome", outcome, "reason", reason)
                .counter()
                .count();
    }

    @Test
    void everyOutcomeOfAPostHasItsSeriesFromTheStart() {
        assertThat(registry.find("parley.posts").counters()).hasSize(ChatException.Reason.values().length + 3);
        assertThat(posts("accepted", "none")).isZero();
        assertThat(posts("refused", "room_disabled")).isZero();
        assertThat(registry.get("parley.ntlm.signins")
                        .tags("outcome", "refused", "reason", "locked_out")
                        .counter()
                        .count())
                .as("pre-registered, not counted")
                .isZero();
    }

    @Test
    void aRefusedPostCountsUnderItsChatReasonAndAnythingElseAsAnError() {
        long start = System.nanoTime();
        meters.postAccepted(start);
        meters.postRefused(ChatException.forbidden("join first"), start);
        meters.postRefused(new EJBException(new ChatException(ChatException.Reason.ROOM_DISABLED, "off")), start);
        meters.postRefused(new IllegalStateException("store down"), start);
        meters.postMalformed(start);

        assertThat(posts("accepted", "none")).isEqualTo(1);
        assertThat(posts("refused", "forbidden")).isEqualTo(1);
        assertThat(posts("refused", "room_disabled"))
                .as("unwrapped from the EJB layer")
                .isEqualTo(1);
        assertThat(posts("refused", "error")).isEqualTo(1);
        assertThat(posts("refused", "malformed")).isEqualTo(1);
        assertThat(registry.get("parley.post.response").timer().count())
                .as("every answer is timed")
                .isEqualTo(5);
    }

    @Test
    void deliveriesAreCountedPerRecipientWithTheirLatencyFromTheStoredTime() {
        meters.delivered(3, System.currentTimeMillis() - 40);
        meters.delivered(0, System.currentTimeMillis());
        meters.deliveryFailed(ParleyMeters.DeliveryFailure.ENDED);

        assertThat(registry.get("parley.deliveries").counter().count()).isEqualTo(3);
        assertThat(registry.get("parley.post.delivery").timer().count()).isEqualTo(3);
        assertThat(registry.get("parley.post.delivery").timer().max(TimeUnit.MILLISECONDS))
                .isBetween(40.0, 10_000.0);
        assertThat(registry.get("parley.deliveries.failed")
                        .tag("reason", "ended")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("parley.deliveries.failed")
                        .tag("reason", "failed")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void filesAndComplianceAreCountedWithTheirBytesAndAdapters() {
        meters.fileUploaded(1_000);
        meters.fileDownloaded(400);
        meters.complianceQueued(5);
        meters.complianceStored(5);
        meters.complianceDelivered("xml", 5);
        meters.complianceDelivered("jsonl", 2);
        meters.complianceDelivered("xml", 1);

        assertThat(registry.get("parley.file.bytes")
                        .tag("direction", "upload")
                        .counter()
                        .count())
                .isEqualTo(1_000);
        assertThat(registry.get("parley.file.bytes")
                        .tag("direction", "download")
                        .counter()
                        .count())
                .isEqualTo(400);
        assertThat(registry.get("parley.files.uploaded").counter().count()).isEqualTo(1);
        assertThat(registry.get("parley.compliance.events.delivered")
                        .tag("adapter", "xml")
                        .counter()
                        .count())
                .isEqualTo(6);
        assertThat(registry.get("parley.compliance.events.delivered")
                        .tag("adapter", "jsonl")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aRegistryThatIsNotWildFlysIsUsedAsItIsAndEmptiedWhenTheDeploymentGoes() {
        assertThat(ParleyMeters.serverRegistry(registry)).isSameAs(registry);
        meters.gauge("parley.test.gauge", "a gauge", io.micrometer.core.instrument.Tags.empty(), () -> 7);
        assertThat(registry.get("parley.test.gauge").gauge().value()).isEqualTo(7);

        meters.unregister();

        assertThat(registry.getMeters())
                .as("a redeployment registers fresh meters")
                .isEmpty();
    }
}
