package org.parley.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.it.XccosTestClient.chanid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.ejb.EJB;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.chat.application.HistoryService;
import org.parley.chat.application.dto.MessageView;
import org.parley.chat.domain.model.room.Privacy;
import org.parley.sip.testkit.ClientDialog;
import org.parley.sip.testkit.RawSip;
import org.w3c.dom.Document;

/**
 * The SIP layer under hostile or unlucky input, over real sockets (issue #11): connections that stall
 * (nothing sent, or half a message) are closed after the read timeout while others are served; INFOs
 * that UDP delivers out of CSeq order are each taken once; and hundreds of clients vanishing at once
 * cost the server a few seconds and a bounded amount of log.
 */
@ExtendWith(ArquillianExtension.class)
class SipHostileInputIT {

    private static final Logger LOG = Logger.getLogger(SipHostileInputIT.class.getName());

    /** The read timeout configure-system-properties.cli sets by default (PARLEY_SIP_READ_TIMEOUT). */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Slack for the server's timer and a busy machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(SipHostileInputIT.class, Eventually.class);
    }

    @EJB
    private HistoryService history;

    private final TestRun run = new TestRun();

    private String room(String name) {
        return run.room(run.user("owner"), name, Privacy.OPEN);
    }

    // ---------------------------------------------------------------- stalled connections

    @Test
    void silentAndHalfSentConnectionsAreClosedAfterTheReadTimeoutWhileOthersAreServed() throws Exception {
        try (XccosTestClient idle = XccosTestClient.signIn(run.user("idle"));
                Socket silentTcp = connect(SipServer.port());
                Socket halfTcp = connect(SipServer.port());
                Socket silentTls = connect(SipServer.tlsPort());
                RawSip halfTls = SipServer.client("TLS")) {
            long start = System.nanoTime();
            String partial = "INFO sip:" + SipServer.CHAT.substring(4)
                    + " SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:9;branch=z9hG4bKx\r\n"
                    + "Max-Forwards: 70\r\nCall-ID: stalled-" + run.id() + "\r\n";
            halfTcp.getOutputStream().write(partial.getBytes(StandardCharsets.UTF_8));
            halfTls.send(partial.replace("/TCP", "/TLS"));

            // Others are served meanwhile, at once.
            try (RawSip other = SipServer.client("TCP")) {
                long before = System.nanoTime();
                ClientDialog dialog = new ClientDialog(other, SipServer.LOOKUP, false, run.user("other"));
                dialog.establish();
                assertThat(dialog.call("BYE", null).status()).isEqualTo(200);
                assertThat(elapsed(before).compareTo(Duration.ofSeconds(2)) < 0)
                        .as("served in " + elapsed(before))
                        .isTrue();
            }

            Duration bound = READ_TIMEOUT.plus(SLACK);
            assertClosedWithin(silentTcp, start, bound, "TCP connection that sends nothing");
            assertClosedWithin(halfTcp, start, bound, "TCP connection that stalls in a message");
            assertClosedWithin(silentTls, start, bound, "TLS connection that sends nothing (no handshake)");
            assertStreamClosedWithin(halfTls, start, bound, "TLS connection that stalls in a message");

            // A signed-in client idle longer than the read timeout keeps its connection.
            // (RawSip's wait for a message, longer than the read timeout, must run out rather than see a close.)
            try {
                throw new AssertionError("idle client got " + idle.dialog.sip().receive());
            } catch (IOException e) {
                assertThat(String.valueOf(e.getMessage()))
                        .as("idle client: " + e.getMessage())
                        .startsWith("no message");
            }
            Document reply =
                    idle.command("cmd:getserverinfo", "<data><sib domain=\"contoso.com\" infoType=\"1\"/></data>");
            assertThat(XccosTestClient.text(reply, "//resp/@code")).isEqualTo("200");
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(RawSip.LOOPBACK, port), RawSip.TIMEOUT_MS);
        return socket;
    }

    /** Reads until the server closes; fails if it does not within {@code bound} of {@code start}. */
    private static void assertClosedWithin(Socket socket, long start, Duration bound, String what) throws IOException {
        long left = bound.minus(elapsed(start)).toMillis();
        assertThat(left > 0).as(what + ": no time left to check").isTrue();
        RawSip.awaitClose(socket, Duration.ofMillis(left), what);
        assertThat(elapsed(start).compareTo(bound) <= 0)
                .as(what + ": closed only after " + elapsed(start))
                .isTrue();
    }

    private static void assertStreamClosedWithin(RawSip sip, long start, Duration bound, String what) {
        try {
            RawSip.Msg unexpected = sip.receive();
            throw new AssertionError(what + ": got " + unexpected);
        } catch (IOException e) {
            assertThat(!String.valueOf(e.getMessage()).startsWith("no message"))
                    .as(what + ": still open after " + elapsed(start))
                    .isTrue();
        }
        assertThat(elapsed(start).compareTo(bound) <= 0)
                .as(what + ": closed only after " + elapsed(start))
                .isTrue();
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // ---------------------------------------------------------------- UDP CSeq order

    @Test
    void udpPostsOutOfCSeqOrderAreEachTakenOnceOrRefusedWith503() throws Exception {
        String room = room("Burst");
        String author = run.user("burst");
        try (RawSip sip = SipServer.client("UDP")) {
            ClientDialog dialog = new ClientDialog(sip, SipServer.CHAT, true, author);
            dialog.establish();
            String join = XccosTestClient.envelope(
                    "1", "<cmd id=\"cmd:join\" seqid=\"1\"><data>" + chanid(room, 0) + "</data></cmd>");
            assertThat(dialog.call("INFO", join).status()).isEqualTo(200);

            // Pairs sent in swapped order: CSeq n+2 before n+1, as UDP may reorder a burst.
            int posts = 20;
            long base = dialog.cseq();
            Map<Long, String> textByCSeq = new HashMap<>();
            List<String> wire = new ArrayList<>();
            for (int i = 0; i < posts; i += 2) {
                for (int k : new int[] {i + 1, i}) {
                    String text = "burst " + k + " " + run.id();
                    dialog.setCSeq(base + k);
                    wire.add(dialog.request(
                            "INFO",
                            XccosTestClient.envelope(
                                    Integer.toString(100 + k),
                                    "<grpchat id=\"grpchat\" seqid=\"1\" chanUri=\"" + room + "\" author=\"" + author
                                            + "\" ts=\"2026-11-28T16:40:45Z\"><chat>" + text + "</chat></grpchat>")));
                    textByCSeq.put(base + k + 1, text);
                }
            }
            for (String request : wire) {
                sip.send(request);
            }

            Set<String> accepted = new HashSet<>();
            Set<String> refused = new HashSet<>();
            for (Map.Entry<Long, String> post : textByCSeq.entrySet()) {
                RawSip.Msg answer = sip.response(post.getKey() + " INFO");
                if (answer.status() == 200) {
                    accepted.add(post.getValue());
                } else {
                    assertThat(answer.status())
                            .as("CSeq " + post.getKey() + ": " + answer)
                            .isEqualTo(503);
                    assertThat(answer.header("Retry-After") != null)
                            .as(answer.toString())
                            .isTrue();
                    refused.add(post.getValue());
                }
            }
            assertThat(accepted.size() >= posts / 2)
                    .as("most posts of a small burst are taken: " + accepted + " refused " + refused)
                    .isTrue();

            // Each accepted post is echoed once (server INFOs are counted by their CSeq: UDP retransmits them).
            Map<Long, String> echoes = new ConcurrentHashMap<>();
            while (echoes.values().stream().filter(accepted::contains).count() < accepted.size()) {
                RawSip.Msg info = sip.request("INFO");
                sip.send(info.ok());
                if (info.body().contains("<grpchat")) {
                    echoes.put(info.cseqNumber(), SipServer.xpath(info.body(), "/xccos/grpchat/chat"));
                }
            }
            List<String> stored = history.last(run.user("owner"), room, 100).stream()
                    .map(MessageView::text)
                    .toList();
            for (String text : textByCSeq.values()) {
                long times = stored.stream().filter(text::equals).count();
                long echoed = echoes.values().stream().filter(text::equals).count();
                assertThat(times).as(text + " stored; all: " + stored).isEqualTo(accepted.contains(text) ? 1 : 0);
                assertThat(echoed).as(text + " echoed; all: " + echoes).isEqualTo(accepted.contains(text) ? 1 : 0);
            }
            assertThat(dialog.call("BYE", null).status()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- mass disconnect

    @Test
    void hundredsOfClientsVanishingAtOnceCostTheServerSecondsAndLittleLog() throws Exception {
        int clients = 200;
        int perRoom = 100;
        List<String> roomUris = new ArrayList<>();
        for (int i = 0; i < clients / perRoom; i++) {
            roomUris.add(room("Crowd" + i));
        }
        List<XccosTestClient> crowd = new ArrayList<>();
        List<Thread> answering = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                XccosTestClient client = XccosTestClient.signIn(run.user("crowd" + i));
                crowd.add(client);
                join(client, roomUris.get(i % roomUris.size()));
                // From now on the client answers the server's INFOs (notices of later joiners), as SIPE does.
                Thread answerer = new Thread(
                        () -> {
                            try {
                                while (true) {
                                    client.dialog.answerRequest("INFO");
                                }
                            } catch (IOException | RuntimeException closed) {
                                // The socket closed (or the wait ran out): nothing left to answer.
                            }
                        },
                        "crowd-" + i);
                answerer.setDaemon(true);
                answerer.start();
                answering.add(answerer);
            }
        } catch (IOException | RuntimeException | AssertionError e) {
            closeAll(crowd);
            throw e;
        }

        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        long logBefore = Files.size(log);
        long cut = System.nanoTime();
        closeAll(crowd);

        // At once: a new client signs in to a room the crowd was in, posts, gets its answers.
        try (XccosTestClient survivor = XccosTestClient.signIn(run.user("survivor"))) {
            join(survivor, roomUris.get(0));
            assertThat(survivor.post(roomUris.get(0), "still here " + run.id()).status())
                    .isEqualTo(200);
            awaitInfo(survivor, "/xccos/grpchat");
            Duration recovered = elapsed(cut);
            LOG.info(() -> "mass disconnect of " + clients + ": a new client signed in, joined and posted within "
                    + recovered);
            assertThat(recovered.compareTo(Duration.ofSeconds(5)) < 0)
                    .as("recovered in " + recovered)
                    .isTrue();

            // The departures settle within seconds: then fresh clients sign in and post promptly.
            for (int i = 0; i < 10; i++) {
                long before = System.nanoTime();
                try (XccosTestClient fresh = XccosTestClient.signIn(run.user("fresh" + i))) {
                    join(fresh, roomUris.get(i % roomUris.size()));
                    assertThat(fresh.post(roomUris.get(i % roomUris.size()), "fresh " + i)
                                    .status())
                            .isEqualTo(200);
                    fresh.bye();
                }
                Duration took = elapsed(before);
                assertThat(took.compareTo(Duration.ofSeconds(2)) < 0)
                        .as("fresh sign-in " + i + " took " + took)
                        .isTrue();
            }
            Duration settled = elapsed(cut);
            long logGrowth = Files.size(log) - logBefore;
            LOG.info(() -> "mass disconnect of " + clients + ": settled within " + settled + ", server log grew by "
                    + logGrowth + " bytes");
            assertThat(settled.compareTo(Duration.ofSeconds(15)) < 0)
                    .as("settled in " + settled)
                    .isTrue();
            assertThat(logGrowth < 64 * 1024)
                    .as("server log grew by " + logGrowth + " bytes")
                    .isTrue();
        }
        for (Thread answerer : answering) {
            answerer.join(RawSip.TIMEOUT_MS);
        }
    }

    /** cmd:join, its 200 and its reply; notices that come first (others leaving, joining) are answered on the way. */
    private static void join(XccosTestClient client, String roomUri) throws IOException {
        RawSip.Msg ok = client.dialog.call(
                "INFO",
                XccosTestClient.envelope(
                        "1", "<cmd id=\"cmd:join\" seqid=\"1\"><data>" + chanid(roomUri, 0) + "</data></cmd>"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        awaitInfo(client, "/xccos/rpl[@id='rpl:join']");
    }

    /** Like {@link XccosTestClient#await}, past as many notices as a crowd's departures make. */
    private static Document awaitInfo(XccosTestClient client, String xpath) throws IOException {
        for (int i = 0; i < 1000; i++) {
            Document document = client.serverInfo();
            if (XccosTestClient.bool(document, xpath)) {
                return document;
            }
        }
        throw new AssertionError("no server INFO matching " + xpath);
    }

    private static void closeAll(List<XccosTestClient> clients) {
        for (XccosTestClient client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // Closing is all we want.
            }
        }
    }
}
