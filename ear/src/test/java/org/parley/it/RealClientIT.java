package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import jakarta.ejb.EJB;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.chat.application.CategoryService;
import org.parley.chat.application.RoomService;
import org.parley.chat.application.dto.NewRoom;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.chat.domain.model.room.RoomType;
import org.parley.chat.domain.shared.ChatException;

/**
 * A real Lync client nobody here wrote: pidgin-sipe, driven headless by ../shared/realclient, signs
 * two users in, lists rooms, joins "Dev Room", posts, sees its echo and the other's post and the join
 * notice, leaves and signs out: over TCP trusting From (the suite's mode, no authentication), and
 * with NTLM (MS-SIPAE, every message signed both ways) over TCP and over TLS, trusting the server's
 * self-signed certificate. The NTLM runs switch the identity mode for their duration (ServerSettings).
 * .ci/run builds the client first; without it (a machine lacking Debian's pidgin-sipe) the test
 * is skipped with that reason. That is decided by a JUnit condition ({@link RealClientBuilt}), which runs on
 * the test's client side before Arquillian sends the test into the server: an assumption failing in the
 * container comes back as an error, not as a skipped test (arquillian-core issue 889).
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(RealClientIT.RealClientBuilt.class)
class RealClientIT {

    private static final String ROOM = RealClientRun.ROOM;

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(
                RealClientIT.class, ServerSettings.class, RealClientRun.class, RealClientRun.Result.class);
    }

    @EJB
    private RoomService rooms;

    @EJB
    private CategoryService categories;

    @Test
    void twoPidginSipeClientsChat() throws Exception {
        run("tcp", SipServer.port(), "realclient-run", null);
    }

    @Test
    void twoPidginSipeClientsSignInWithNtlmOverTcp() throws Exception {
        try (ServerSettings ntlm = ServerSettings.ntlm(false)) {
            run("tcp", SipServer.port(), "realclient-ntlm-tcp", null);
        }
    }

    @Test
    void twoPidginSipeClientsSignInWithNtlmOverTls() throws Exception {
        try (ServerSettings ntlm = ServerSettings.ntlm(true)) {
            run("tls", SipServer.tlsPort(), "realclient-ntlm-tls", SipServer.pem());
        }
    }

    /** Skips each test, with the reason, where the real client is not built. */
    static final class RealClientBuilt implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty()) {
                return ConditionEvaluationResult.enabled("decided per test");
            }
            return RealClientRun.built()
                    ? ConditionEvaluationResult.enabled("the real client is built: " + RealClientRun.client())
                    : ConditionEvaluationResult.disabled(
                            "the real client is not built (bash ../shared/realclient/build.sh target/realclient): "
                                    + RealClientRun.client());
        }
    }

    private void run(String transport, int port, String name, Path trustCert) throws Exception {
        ensureOpenRoom();
        RealClientRun.Result run = RealClientRun.run(
                name,
                "127.0.0.1",
                port,
                transport,
                trustCert == null
                        ? Map.of()
                        : Map.of("TRUST_CERT", trustCert.toAbsolutePath().toString()));
        assertThat(run.finished())
                .as("the real client did not finish:\n" + run.output())
                .isTrue();
        assertThat(run.output()).as(run.output()).contains("RESULT PASS");
        assertThat(run.exitValue()).as(run.output()).isEqualTo(0);
    }

    private void ensureOpenRoom() {
        String admin = "sip:admin@contoso.com";
        try {
            rooms.findByName(admin, ROOM);
        } catch (ChatException missing) {
            rooms.createRoom(
                    admin,
                    new NewRoom(ROOM, "Developers & testers", categories.root().uri(), Privacy.OPEN, RoomType.NORMAL));
        }
    }
}
