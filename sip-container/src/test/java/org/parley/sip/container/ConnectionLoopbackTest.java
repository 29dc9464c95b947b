package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipMessageInterceptor;
import org.parley.sip.servlet.SipServletMessage;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * Connection-bound state: the id a request's connection has, the closed callback for that very
 * connection, and that every answer sent on it (the layer's own early ones too) passes the
 * outgoing interceptors, which a message-signing interceptor relies on.
 */
class ConnectionLoopbackTest {

    @TempDir
    Path dir;

    Loopback server;
    final Set<String> seenConnections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws Exception {
        server = new Loopback(dir, b -> b.maxContentLength(1000));
        server.connector.addInterceptor(new SipMessageInterceptor() {
            @Override
            public void incoming(SipServletMessage message) {
                seenConnections.add(message.getConnection().getId());
            }

            @Override
            public void outgoing(SipServletMessage message) {
                message.setHeader(
                        "X-Stamped",
                        message.getConnection() == null
                                ? "?"
                                : message.getConnection().getId());
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "TLS"})
    void closingTheSocketReportsThatConnectionOnce(String transport) throws Exception {
        String id;
        try (RawSip sip = server.client(transport)) {
            RawSip.Msg ok = new ClientDialog(sip, "sip:ocschat@contoso.com", true).call("REGISTER", null);
            assertThat(ok.status()).isEqualTo(200);
            id = ok.header("X-Stamped");
            assertThat(seenConnections).containsExactly(id);
            assertThat(id).startsWith(transport + ":127.0.0.1:" + sip.localPort() + "#");
            assertThat(server.closedConnections).isEmpty();
        }
        SipConnection closed = server.closedConnections.poll(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertThat(closed).as("connection closed callback").isNotNull();
        assertThat(closed.getId()).isEqualTo(id);
        assertThat(closed.getTransport()).isEqualTo(transport);
        assertThat(server.connector.getConnectionCount()).isZero();
        assertThat(server.closedConnections.poll(300, TimeUnit.MILLISECONDS))
                .as("reported once")
                .isNull();
    }

    @Test
    void twoConnectionsFromOneClientHaveTheirOwnIdsAndEndSeparately() throws Exception {
        try (RawSip first = server.client("TCP");
                RawSip second = server.client("TCP")) {
            String a = new ClientDialog(first, "sip:ocschat@contoso.com", true)
                    .call("REGISTER", null)
                    .header("X-Stamped");
            String b = new ClientDialog(second, "sip:ocschat@contoso.com", true)
                    .call("REGISTER", null)
                    .header("X-Stamped");
            assertThat(a).isNotEqualTo(b);
            first.close();
            SipConnection closed = server.closedConnections.poll(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThat(closed).isNotNull();
            assertThat(closed.getId()).isEqualTo(a);
            assertThat(new ClientDialog(second, "sip:ocschat@contoso.com", true)
                            .call("REGISTER", null)
                            .header("X-Stamped"))
                    .isEqualTo(b);
        }
    }

    @Test
    void udpIsNoConnection() throws Exception {
        try (RawSip sip = server.client("UDP")) {
            assertThat(new ClientDialog(sip, "sip:ocschat@contoso.com", true)
                            .call("REGISTER", null)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(server.connector.getConnectionCount()).isZero();
        assertThat(server.closedConnections.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theLayersOwnAnswersPassTheOutgoingInterceptors() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            ClientDialog unknownDialog = new ClientDialog(sip, "sip:ocschat@contoso.com", false);
            unknownDialog.setToTag("nosuchtag");
            RawSip.Msg noDialog = unknownDialog.call("INFO", "x");
            assertThat(noDialog.status()).isEqualTo(481);
            assertThat(noDialog.header("X-Stamped")).startsWith("TCP:");
            RawSip.Msg notAllowed = new ClientDialog(sip, "sip:ocschat@contoso.com", true).call("MESSAGE", "hi");
            assertThat(notAllowed.status()).isEqualTo(405);
            assertThat(notAllowed.header("X-Stamped")).startsWith("TCP:");
            RawSip.Msg tooBig =
                    new ClientDialog(sip, "sip:ocschat@contoso.com", true).call("MESSAGE", "x".repeat(2000));
            assertThat(tooBig.status()).isEqualTo(413);
            assertThat(tooBig.header("X-Stamped")).startsWith("TCP:");
            RawSip.Msg noServlet = new ClientDialog(sip, "sip:nobody@contoso.com", true).call("INVITE", null);
            assertThat(noServlet.status()).isEqualTo(404);
            assertThat(noServlet.header("X-Stamped")).isEqualTo(tooBig.header("X-Stamped"));
        }
    }
}
