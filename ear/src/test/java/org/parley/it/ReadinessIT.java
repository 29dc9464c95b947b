package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.infrastructure.health.FileStoreCheck;
import org.parley.health.HealthProbes;
import org.parley.health.ParleyChecks;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * A node that is not ready is taken out of its front ends' rotation and comes back by itself: WildFly's readiness
 * endpoint answers 503, and so does the SIP connector to an OPTIONS ping (Kamailio's dispatcher probing, pool/
 * kamailio.cfg). Runs in the server, to make one readiness probe fail (the file store's) and then restore it.
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(ReadinessIT.class, Eventually.class);
    }

    @Inject
    HealthProbes probes;

    @Inject
    FileStoreCheck fileStore;

    @Test
    void aNodeNotReadyAnswersTheFrontEndsPingWith503AndComesBackWhenReady() throws Exception {
        assertThat(ping()).as("a ready node answers the ping as always").isNotEqualTo(503);
        assertThat(readiness()).isEqualTo(200);

        probes.register(ParleyChecks.FILE_STORE, () -> HealthCheckResponse.named(ParleyChecks.FILE_STORE)
                .down()
                .withData("failure", "the file store's disk is gone (ReadinessIT)")
                .build());
        try {
            Eventually.await(WAIT, this::ping, status -> status == 503);
            assertThat(readiness()).isEqualTo(503);
        } finally {
            probes.register(ParleyChecks.FILE_STORE, fileStore);
        }

        Eventually.await(WAIT, this::ping, status -> status != 503);
        assertThat(readiness()).isEqualTo(200);
    }

    /** Kamailio's probe: an OPTIONS to the node's own address, no user, outside any dialog. */
    private int ping() {
        try (RawSip sip = SipServer.client("TCP")) {
            return new ClientDialog(sip, "sip:" + RawSip.LOOPBACK.getHostAddress() + ":" + SipServer.port(), true)
                    .call("OPTIONS", null)
                    .status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int readiness() throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:9990/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
