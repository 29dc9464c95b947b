package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.sip.servlet.SipMessageInterceptor;
import org.parley.sip.servlet.SipMessageRejectedException;
import org.parley.sip.servlet.SipServletMessage;
import org.parley.sip.servlet.SipServletRequest;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * The hook an identity rule needs, over UDP and TCP: the interceptor sees an in-dialog request with
 * its dialog already found (so it can compare the flow the dialog started on) and before the dialog
 * counts it, and sees where a response really came from. Refused requests get the interceptor's
 * status and never reach the servlet; a refused response is not acted upon.
 */
class InterceptorLoopbackTest extends LoopbackServerTest {

    /** Refuses in-dialog requests and responses that do not come over the flow their dialog started on. */
    static final class SameFlow implements SipMessageInterceptor {
        final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        final CountDownLatch refusedResponse = new CountDownLatch(1);

        @Override
        public void incoming(SipServletMessage message) throws SipMessageRejectedException {
            String kind =
                    message instanceof SipServletRequest ? message.getMethod() : "response to " + message.getMethod();
            seen.add(kind + (message.getSession() == null ? " outside" : " in") + " dialog from "
                    + message.getRemoteAddr());
            if (message.getSession() != null
                    && message.getSession().getConnection() != null
                    && !(message.getSession().getConnection().getRemoteAddress().equals(message.getRemoteAddr())
                            && message.getSession().getConnection().getRemotePort() == message.getRemotePort())) {
                if (!(message instanceof SipServletRequest)) {
                    refusedResponse.countDown();
                }
                throw new SipMessageRejectedException(403, "not the dialog's flow");
            }
        }
    }

    final SameFlow sameFlow = new SameFlow();

    @BeforeEach
    void watchFlows() {
        server.connector.addInterceptor(sameFlow);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void inDialogRequestIsJudgedWithItsDialogAndResponsesByTheirSource(String transport) throws Exception {
        InetSocketAddress target = new InetSocketAddress(RawSip.LOOPBACK, server.port);
        try (RawSip sip = server.client(transport);
                RawSip other = RawSip.of(transport, target, null, InetAddress.getByName("127.0.0.2"))) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            dialog.establish();
            assertThat(dialog.call("INFO", "echo").status()).isEqualTo(200);
            RawSip.Msg serverInfo = sip.request("INFO");

            // The server's INFO answered from elsewhere: not acted upon; the real 200 still counts.
            other.send(serverInfo.ok());
            // Judged before the real 200 is sent: arriving after it, the forged one would find the
            // transaction finished and never be judged at all (the two come from different sockets).
            assertThat(sameFlow.refusedResponse.await(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS))
                    .isTrue();
            sip.send(serverInfo.ok());
            assertThat(server.servlet
                            .sent
                            .take()
                            .get(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS)
                            .getStatus())
                    .isEqualTo(200);

            // The dialog's INFO sent from elsewhere: refused before the dialog counts it or the servlet runs it.
            String forged = dialog.request("INFO", "forged")
                    .replaceFirst(
                            "Via: [^\r]*",
                            "Via: SIP/2.0/" + transport + " 127.0.0.2:" + other.localPort() + ";branch=z9hG4bKforged");
            other.send(forged);
            assertThat(other.response().status()).isEqualTo(403);
            assertThat(dialog.call("INFO", "after").status()).isEqualTo(200);
            assertThat(server.servlet.infos).containsExactly("echo", "after");
        }
        assertThat(sameFlow.seen)
                .contains(
                        "INFO in dialog from 127.0.0.1",
                        "response to INFO in dialog from 127.0.0.2",
                        "response to INFO in dialog from 127.0.0.1",
                        "INFO in dialog from 127.0.0.2");
    }
}
