package org.parley.sip.container;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.parley.sip.container.tls.SelfSignedKeyStore;
import org.parley.sip.servlet.SipConnection;
import org.parley.sip.servlet.SipSession;
import org.parley.sip.servlet.SipSessionEndReason;
import org.parley.sip.servlet.SipSessionListener;
import org.parley.sip.testkit.RawSip;

/**
 * A started connector on 127.0.0.1 with free ports, a {@link TestServlet} and recording session and
 * connection listeners.
 */
final class Loopback implements AutoCloseable {

    final TestServlet servlet = new TestServlet();
    final BlockingQueue<SipSessionEndReason> ended = new LinkedBlockingQueue<>();
    final BlockingQueue<SipSession> created = new LinkedBlockingQueue<>();
    final BlockingQueue<SipConnection> closedConnections = new LinkedBlockingQueue<>();
    final ExecutorService executor = Executors.newFixedThreadPool(8);
    final SipConnector connector;
    final int port;
    final int tlsPort;
    final Path keyStore;

    Loopback(Path dir) throws IOException {
        this(dir, b -> b.messageTrace(Boolean.getBoolean("sip.trace")).stackDebug(Boolean.getBoolean("sip.debug")));
    }

    Loopback(Path dir, UnaryOperator<SipConnectorConfig.Builder> tuning) throws IOException {
        port = freePort();
        tlsPort = freePort();
        keyStore = dir.resolve("sip.p12");
        SipConnectorConfig config = tuning.apply(SipConnectorConfig.builder()
                        .bindAddress("127.0.0.1")
                        .hostName("127.0.0.1")
                        .domains(Set.of("contoso.com", "127.0.0.1"))
                        .udpPort(port)
                        .tcpPort(port)
                        .tlsPort(tlsPort)
                        .keyStore(keyStore, "secret", "PKCS12"))
                .build();
        connector = new SipConnector(config, executor);
        connector.addServlet(servlet);
        connector.addSessionListener(new SipSessionListener() {
            @Override
            public void sessionCreated(SipSession session) {
                created.add(session);
            }

            @Override
            public void sessionDestroyed(SipSession session, SipSessionEndReason reason) {
                ended.add(reason);
            }
        });
        connector.addConnectionListener(closedConnections::add);
        connector.start();
    }

    RawSip client(String transport) throws Exception {
        return RawSip.of(transport, "TLS".equals(transport) ? tlsPort : port, SelfSignedKeyStore.pemPath(keyStore));
    }

    SipSessionEndReason nextEnd() throws InterruptedException {
        SipSessionEndReason reason = ended.poll(RawSip.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (reason == null) {
            throw new AssertionError("no session ended within " + RawSip.TIMEOUT_MS + " ms");
        }
        return reason;
    }

    /** A port free for both TCP and UDP on loopback. */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(RawSip.LOOPBACK, 0));
                try (DatagramSocket udp =
                        new DatagramSocket(new InetSocketAddress(RawSip.LOOPBACK, tcp.getLocalPort()))) {
                    return udp.getLocalPort();
                } catch (IOException udpTaken) {
                    // Try another.
                }
            }
        }
        throw new IOException("no free port");
    }

    @Override
    public void close() throws InterruptedException {
        connector.stop();
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
