package org.parley.sip.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A SIP client on plain sockets, for what a SIP stack would not do: branch-less Vias as SIPE sends
 * them, a Contact nobody listens on (so the server must answer on our connection), malformed bytes.
 * One instance is one connection (TCP, TLS) or one bound datagram socket (UDP); it is not thread-safe.
 *
 * <p>Every wait is bounded by {@link #TIMEOUT_MS}. Messages that arrive while waiting for something
 * else ({@link #next}, {@link #response}, {@link #request}) are held, in order, and handed out by
 * later calls, so a test need not care whether the server's 200 or its own INFO comes first.
 * Provisional responses are dropped unless asked for, as SIPE ignores them.
 */
public abstract class RawSip implements Closeable {

    public static final int TIMEOUT_MS = 10_000;
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Deque<Msg> held = new ArrayDeque<>();
    private final String transport;
    private final InetAddress localAddress;
    private final int localPort;

    /** For a socket already connected: its local end is what goes into Via and Contact. */
    RawSip(String transport, InetAddress localAddress, int localPort) {
        this.transport = transport;
        this.localAddress = localAddress;
        this.localPort = localPort;
    }

    /** Writes raw bytes, as they are: the way to send something malformed. */
    public abstract void sendBytes(byte[] bytes) throws IOException;

    /** The local port: what goes into Via and Contact. */
    public int localPort() {
        return localPort;
    }

    /** The local address as text (IPv4 dotted or IPv6 without brackets). */
    public String localHost() {
        return localAddress.getHostAddress();
    }

    /** UDP, TCP or TLS, as it appears in a Via. */
    public String transport() {
        return transport;
    }

    /** Reads one message off the wire, waiting at most {@link #TIMEOUT_MS}. */
    abstract Msg read() throws IOException;

    public void send(String message) throws IOException {
        sendBytes(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message, held ones first; provisional responses included. */
    public Msg receive() throws IOException {
        return held.isEmpty() ? read() : held.removeFirst();
    }

    /**
     * The first message that {@code wanted} accepts, held ones first. Other messages are held for
     * later calls, except provisional responses, which are dropped.
     *
     * @throws IOException when nothing acceptable arrives within {@link #TIMEOUT_MS} or the connection closes
     */
    public Msg next(Predicate<Msg> wanted) throws IOException {
        for (Iterator<Msg> it = held.iterator(); it.hasNext(); ) {
            Msg msg = it.next();
            if (wanted.test(msg)) {
                it.remove();
                return msg;
            }
        }
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            Msg msg = read();
            if (wanted.test(msg)) {
                return msg;
            }
            if (msg.isRequest() || msg.status() >= 200) {
                held.addLast(msg);
            }
        }
        throw new IOException("no wanted message within " + TIMEOUT_MS + " ms; held: " + held);
    }

    /** The next final response. */
    public Msg response() throws IOException {
        return next(msg -> !msg.isRequest() && msg.status() >= 200);
    }

    /** The final response whose CSeq header equals {@code cseq}, e.g. "2 INFO". */
    public Msg response(String cseq) throws IOException {
        return next(msg -> !msg.isRequest() && msg.status() >= 200 && cseq.equals(msg.header("CSeq")));
    }

    /** The next request of the given method (case-sensitive, as SIP methods are). */
    public Msg request(String method) throws IOException {
        return next(msg -> msg.isRequest() && msg.method().equals(method));
    }

    /** Takes every held message, oldest first. */
    public List<Msg> drainHeld() {
        List<Msg> drained = new ArrayList<>(held);
        held.clear();
        return drained;
    }

    public static RawSip tcp(int port) throws IOException {
        return tcp(new InetSocketAddress(LOOPBACK, port));
    }

    public static RawSip tcp(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server, TIMEOUT_MS);
        return new Stream(socket, "TCP");
    }

    /** A TLS connection that trusts exactly the certificate in {@code pem} (the server's self-signed one). */
    public static RawSip tls(int port, Path pem) throws IOException {
        return tls(new InetSocketAddress(LOOPBACK, port), pem);
    }

    public static RawSip tls(InetSocketAddress server, Path pem) throws IOException {
        SSLSocket socket = (SSLSocket) trusting(pem).getSocketFactory().createSocket();
        socket.setTcpNoDelay(true);
        socket.connect(server, TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.startHandshake();
        return new Stream(socket, "TLS");
    }

    public static RawSip udp(int port) throws IOException {
        return udp(new InetSocketAddress(LOOPBACK, port));
    }

    public static RawSip udp(InetSocketAddress server) throws IOException {
        DatagramSocket socket = new DatagramSocket(
                new InetSocketAddress(server.getAddress().isLoopbackAddress() ? server.getAddress() : null, 0));
        socket.connect(server);
        return new Datagram(socket);
    }

    /**
     * Reads and drops whatever the server still sends on {@code socket} (a TLS alert, a 400) until it closes the
     * connection, a reset included, for at most {@code wait}; fails with an AssertionError naming {@code what} if
     * the connection is still open then.
     */
    public static void awaitClose(Socket socket, Duration wait, String what) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // Whatever comes, the connection must then close.
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(what + ": still open after " + wait, e);
        } catch (SocketException reset) {
            // Closed with a reset: closed all the same.
        }
    }

    /** A client on loopback for "UDP", "TCP" or "TLS"; {@code pem} is only read for TLS. */
    public static RawSip of(String transport, int port, Path pem) throws IOException {
        return of(transport, new InetSocketAddress(LOOPBACK, port), pem);
    }

    /**
     * A client whose socket is bound to {@code local}, e.g. 127.0.0.2 to play another machine on this
     * one (Linux routes all of 127.0.0.0/8 to the loopback interface). UDP or TCP.
     */
    public static RawSip of(String transport, InetSocketAddress server, Path pem, InetAddress local)
            throws IOException {
        InetSocketAddress bound = new InetSocketAddress(local, 0);
        return switch (transport) {
            case "UDP" -> {
                DatagramSocket socket = new DatagramSocket(bound);
                socket.connect(server);
                yield new Datagram(socket);
            }
            case "TCP" -> {
                Socket socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.bind(bound);
                socket.connect(server, TIMEOUT_MS);
                yield new Stream(socket, "TCP");
            }
            default -> throw new IllegalArgumentException("transport " + transport + " from a chosen address");
        };
    }

    public static RawSip of(String transport, InetSocketAddress server, Path pem) throws IOException {
        return switch (transport) {
            case "UDP" -> udp(server);
            case "TCP" -> tcp(server);
            case "TLS" -> tls(server, pem);
            default -> throw new IllegalArgumentException("transport " + transport);
        };
    }

    private static SSLContext trusting(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(
                    "server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + pem + ": " + e.getMessage(), e);
        }
    }

    /**
     * A parsed message: start line, headers by lower-case full name (compact forms such as "l" or
     * "i" are expanded), values in arrival order, and the body as UTF-8 text.
     */
    public record Msg(String startLine, Map<String, List<String>> headers, String body) {

        private static final Map<String, String> COMPACT = Map.of(
                "i",
                "call-id",
                "m",
                "contact",
                "e",
                "content-encoding",
                "l",
                "content-length",
                "c",
                "content-type",
                "f",
                "from",
                "s",
                "subject",
                "k",
                "supported",
                "t",
                "to",
                "v",
                "via");

        public static Msg parse(String head, String body) {
            String[] lines = head.split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("not a header line: " + lines[i]);
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(COMPACT.getOrDefault(name, name), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new Msg(lines[0], headers, body);
        }

        public boolean isRequest() {
            return !startLine.startsWith("SIP/2.0 ");
        }

        public int status() {
            return Integer.parseInt(startLine.split(" ")[1]);
        }

        public String method() {
            return startLine.split(" ")[0];
        }

        public String requestUri() {
            return startLine.split(" ")[1];
        }

        /** The first value of a header (by full name, any case), or null. */
        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** Every value of a header, in order. */
        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /**
         * A header parameter, e.g. param("To", "tag"): "" for a parameter without value, null when
         * absent. Parameters of a URI inside {@code <>} are not header parameters.
         */
        public String param(String header, String name) {
            String value = header(header);
            if (value == null) {
                return null;
            }
            String params = value.substring(value.lastIndexOf('>') + 1);
            for (String part : params.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv[0].equalsIgnoreCase(name)) {
                    return kv.length > 1 ? kv[1] : "";
                }
            }
            return null;
        }

        /** The URI of a name-addr header such as From, To or Contact, without the angle brackets. */
        public String uri(String header) {
            String value = header(header);
            if (value == null) {
                return null;
            }
            int open = value.indexOf('<');
            return open < 0 ? value.split(";")[0].trim() : value.substring(open + 1, value.indexOf('>', open));
        }

        /** The number of the CSeq header. */
        public long cseqNumber() {
            return Long.parseLong(header("CSeq").split("\\s+")[0]);
        }

        /** A 200 OK to this request, as a client answers a server INFO. */
        public String ok() {
            return response(200, "OK");
        }

        /** A response to this request echoing Via, From, To, Call-ID and CSeq. */
        public String response(int status, String reason) {
            if (!isRequest()) {
                throw new IllegalStateException("a response cannot be answered: " + startLine);
            }
            StringBuilder m = new StringBuilder("SIP/2.0 ")
                    .append(status)
                    .append(' ')
                    .append(reason)
                    .append("\r\n");
            for (String via : headers("Via")) {
                m.append("Via: ").append(via).append("\r\n");
            }
            m.append("From: ")
                    .append(header("From"))
                    .append("\r\nTo: ")
                    .append(header("To"))
                    .append("\r\nCall-ID: ")
                    .append(header("Call-ID"))
                    .append("\r\nCSeq: ")
                    .append(header("CSeq"))
                    .append("\r\nContent-Length: 0\r\n\r\n");
            return m.toString();
        }

        @Override
        public String toString() {
            return startLine + " " + headers + (body.isEmpty() ? "" : "\n" + body);
        }
    }

    private static final class Stream extends RawSip {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Stream(Socket socket, String transport) throws IOException {
            super(transport, socket.getLocalAddress(), socket.getLocalPort());
            this.socket = socket;
            socket.setSoTimeout(TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        @Override
        public void sendBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        Msg read() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try {
                while (!endsWithBlankLine(head.toByteArray())) {
                    int b = in.read();
                    if (b < 0) {
                        throw new IOException("connection closed");
                    }
                    // CRLF keep-alives between messages (RFC 5626 pings) are not part of a message.
                    if (head.size() > 0 || (b != '\r' && b != '\n')) {
                        head.write(b);
                    }
                }
                String headText = head.toString(StandardCharsets.UTF_8).trim();
                String length = Msg.parse(headText, "").header("Content-Length");
                byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
                return Msg.parse(headText, new String(body, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                throw new IOException("no message within " + TIMEOUT_MS + " ms", e);
            }
        }

        private static boolean endsWithBlankLine(byte[] bytes) {
            int n = bytes.length;
            return n >= 4
                    && bytes[n - 4] == '\r'
                    && bytes[n - 3] == '\n'
                    && bytes[n - 2] == '\r'
                    && bytes[n - 1] == '\n';
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final class Datagram extends RawSip {
        private final DatagramSocket socket;

        Datagram(DatagramSocket socket) throws IOException {
            super("UDP", socket.getLocalAddress(), socket.getLocalPort());
            this.socket = socket;
            socket.setSoTimeout(TIMEOUT_MS);
        }

        @Override
        public void sendBytes(byte[] bytes) throws IOException {
            socket.send(new DatagramPacket(bytes, bytes.length));
        }

        @Override
        Msg read() throws IOException {
            byte[] buffer = new byte[65536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new IOException("no datagram within " + TIMEOUT_MS + " ms", e);
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            return Msg.parse(text.substring(0, split), text.substring(split + 4));
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
