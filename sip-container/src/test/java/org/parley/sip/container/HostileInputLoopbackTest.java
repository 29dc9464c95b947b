package org.parley.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;

/**
 * The layer under hostile or unlucky input (issue #11): connections that stall are closed after the
 * read timeout and nobody else waits for them; UDP's reordering of a burst does not cost requests; a
 * closed connection ends its dialogs at once.
 */
class HostileInputLoopbackTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(2000);
    private static final Duration SLACK = Duration.ofMillis(1500);
    /** Others are served well within the read timeout: they never wait for the stalled. */
    private static final Duration SERVED = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    Loopback server;

    @BeforeEach
    void start() throws Exception {
        server = new Loopback(dir, b -> b.readTimeout(READ_TIMEOUT));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void silentConnectionsAreClosedAfterTheReadTimeout() throws Exception {
        long start = System.nanoTime();
        try (Socket tcp = connect(server.port);
                Socket tls = connect(server.tlsPort)) {
            assertOthersServed();
            assertClosedWithin(tcp, start, "silent TCP");
            assertClosedWithin(tls, start, "silent TLS (no handshake)");
        }
    }

    @Test
    void connectionsStallingInAMessageAreClosedAfterTheReadTimeout() throws Exception {
        long start = System.nanoTime();
        try (Socket noLineEnd = connect(server.port);
                Socket inHead = connect(server.port);
                Socket inBody = connect(server.port);
                RawSip tls = server.client("TLS")) {
            ClientDialog dialog = new ClientDialog(tls, "sip:ocschat@contoso.com", true);
            write(noLineEnd, "OPTIONS sip:ocschat@contoso.com SIP/2.0");
            write(inHead, "OPTIONS sip:ocschat@contoso.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:9\r\n");
            String withBody = dialog.request("INFO", "0123456789");
            write(inBody, withBody.substring(0, withBody.length() - 5).replace("/TLS", "/TCP"));
            tls.send(dialog.request("OPTIONS", null).substring(0, 60));
            assertOthersServed();
            assertClosedWithin(noLineEnd, start, "TCP without a line end");
            assertClosedWithin(inHead, start, "TCP stalling in the head");
            assertClosedWithin(inBody, start, "TCP stalling in the body");
            try {
                RawSip.Msg unexpected = tls.receive();
                throw new AssertionError("TLS stalling in the head got " + unexpected);
            } catch (IOException closed) {
                assertThat(closed.getMessage()).as("TLS stalling in the head").doesNotStartWith("no message");
            }
            assertThat(elapsed(start)).as("TLS stalling in the head closed").isLessThan(READ_TIMEOUT.plus(SLACK));
        }
    }

    @Test
    void tricklingAMessageDoesNotExtendTheDeadline() throws Exception {
        long start = System.nanoTime();
        try (Socket trickle = connect(server.port)) {
            OutputStream out = trickle.getOutputStream();
            byte[] head = "OPTIONS sip:ocschat@contoso.com SIP/2.0\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                // One byte each 200 ms: never silent for the read timeout, never complete.
                for (byte b : head) {
                    out.write(b);
                    out.flush();
                    trickle.setSoTimeout(200);
                    try {
                        if (trickle.getInputStream().read() < 0) {
                            break;
                        }
                    } catch (SocketTimeoutException stillOpen) {
                        // Paced by the read wait, not a sleep.
                    }
                }
            } catch (SocketException closed) {
                // Closed while we wrote: what we want.
            }
            assertClosedWithin(trickle, start, "trickling TCP");
        }
    }

    @Test
    void idleConnectionsBetweenMessagesStayOpen() throws Exception {
        for (String transport : List.of("TCP", "TLS")) {
            try (RawSip sip = server.client(transport)) {
                ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
                dialog.establish();
                assertThat(dialog.call("INFO", "one").status()).isEqualTo(200);
                // RawSip's wait for a message (far longer than the read timeout) is the check: it must run out, not see
                // a close.
                assertIdle(sip);
                assertThat(dialog.call("INFO", "two").status()).as(transport).isEqualTo(200);
            }
        }
    }

    @Test
    void udpBurstOutOfCSeqOrderIsTakenOnceEach() throws Exception {
        try (RawSip sip = server.client("UDP")) {
            ClientDialog dialog = new ClientDialog(sip, "sip:ocschat@contoso.com", true);
            dialog.establish();
            long base = dialog.cseq();
            List<String> wire = new ArrayList<>();
            for (int i = 0; i < 10; i += 2) {
                for (int k : new int[] {i + 1, i}) {
                    dialog.setCSeq(base + k);
                    wire.add(dialog.request("INFO", "post " + (k + 1)));
                }
            }
            for (String request : wire) {
                sip.send(request);
            }
            for (int k = 1; k <= 10; k++) {
                assertThat(sip.response((base + k) + " INFO").status())
                        .as("CSeq " + (base + k))
                        .isEqualTo(200);
            }
            List<String> taken = new ArrayList<>();
            server.servlet.infos.drainTo(taken);
            assertThat(taken)
                    .containsExactlyInAnyOrder(
                            "post 1", "post 2", "post 3", "post 4", "post 5", "post 6", "post 7", "post 8", "post 9",
                            "post 10");

            // A new transaction with a number taken already, or one below the window, is still refused.
            dialog.setCSeq(base + 4);
            assertThat(dialog.call("INFO", "again").status()).isEqualTo(500);
            dialog.setCSeq(base + 10 + Session.REORDER_WINDOW);
            assertThat(dialog.call("INFO", "far ahead").status()).isEqualTo(200);
            dialog.setCSeq(base + 9);
            assertThat(dialog.call("INFO", "below the window").status()).isEqualTo(500);
            assertThat(server.servlet.infos.poll()).isEqualTo("far ahead");
            assertThat(server.servlet.infos.poll()).isNull();
        }
    }

    @Test
    void closingTheConnectionEndsItsDialogsAtOnce() throws Exception {
        try (RawSip sip = server.client("TCP")) {
            new ClientDialog(sip, "sip:ocschat@contoso.com", true).establish();
            new ClientDialog(sip, "sip:ocschat@contoso.com", true).establish();
            assertThat(server.connector.getSessionCount()).isEqualTo(2);
        }
        assertThat(server.nextEnd()).isEqualTo(SipSessionEndReason.CONNECTION_CLOSED);
        assertThat(server.nextEnd()).isEqualTo(SipSessionEndReason.CONNECTION_CLOSED);
        assertThat(server.connector.getSessionCount()).isZero();
    }

    private void assertOthersServed() throws Exception {
        for (String transport : List.of("UDP", "TCP", "TLS")) {
            try (RawSip other = server.client(transport)) {
                long before = System.nanoTime();
                assertThat(new ClientDialog(other, "sip:ocschat@contoso.com", true)
                                .call("OPTIONS", null)
                                .status())
                        .isEqualTo(200);
                assertThat(elapsed(before)).as(transport + " client served").isLessThan(SERVED);
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(RawSip.LOOPBACK, port), RawSip.TIMEOUT_MS);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static void assertClosedWithin(Socket socket, long start, String what) throws IOException {
        Duration bound = READ_TIMEOUT.plus(SLACK);
        long left = bound.minus(elapsed(start)).toMillis();
        assertThat(left).as(what + ": time left").isPositive();
        socket.setSoTimeout((int) left);
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // A TLS alert, a 400: whatever comes, the connection must then close.
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(what + ": still open after " + elapsed(start), e);
        } catch (SocketException reset) {
            // Closed with a reset.
        }
        assertThat(elapsed(start)).as(what + " closed").isLessThan(bound);
        assertThat(elapsed(start))
                .as(what + " not closed before the read timeout")
                .isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50));
    }

    /** Nothing arrives, and the connection stays open, for {@link RawSip#TIMEOUT_MS}. */
    private static void assertIdle(RawSip sip) {
        try {
            RawSip.Msg msg = sip.receive();
            throw new AssertionError("unexpected " + msg);
        } catch (IOException e) {
            assertThat(e.getMessage()).startsWith("no message");
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
