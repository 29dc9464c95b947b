package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * With no room for queued requests, the connector refuses every INVITE and INFO itself: 503 with
 * Retry-After, as the client is told to come back later rather than wait on a stuck server.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(SipOverloadIT.NoQueuedRequests.class)
class SipOverloadIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    @RunAsClient
    void inviteIsRefusedWith503OverUdpAndTcp() throws Exception {
        for (String transport : new String[] {"UDP", "TCP"}) {
            try (RawSip sip = SipServer.client(transport)) {
                RawSip.Msg refused =
                        new ClientDialog(sip, SipServer.LOOKUP, true, SipServer.ALICE).call("INVITE", null);
                assertRefused(refused);
            }
        }
    }

    @Test
    @RunAsClient
    void infoIsRefusedWith503() throws Exception {
        try (RawSip sip = SipServer.client("TCP")) {
            ClientDialog dialog = new ClientDialog(sip, SipServer.LOOKUP, false, SipServer.ALICE);
            dialog.setToTag("1234");
            assertRefused(dialog.call("INFO", SipServer.command("cmd:requri", 1)));
        }
    }

    private static void assertRefused(RawSip.Msg response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        String retryAfter = response.header("Retry-After");
        assertThat(retryAfter != null && retryAfter.matches("\\d+.*"))
                .as(response.toString())
                .isTrue();
    }

    /**
     * Sets parley.sip.max-queued-requests to 0 before the EAR (and so the connector) starts, and
     * puts back what configure-system-properties.cli wrote (an expression with an environment
     * override) once it is undeployed, so later test classes get the configured bound again.
     */
    public static final class NoQueuedRequests implements ServerSetupTask {

        private static final ModelNode PROPERTY =
                Operations.createAddress("system-property", "parley.sip.max-queued-requests");

        private ModelNode configured;

        @Override
        public void setup(ManagementClient client, String containerId) throws Exception {
            configured = executeOperation(client, Operations.createReadAttributeOperation(PROPERTY, "value"));
            executeOperation(client, Operations.createWriteAttributeOperation(PROPERTY, "value", "0"));
        }

        @Override
        public void tearDown(ManagementClient client, String containerId) throws Exception {
            executeOperation(client, Operations.createWriteAttributeOperation(PROPERTY, "value", configured));
        }
    }
}
