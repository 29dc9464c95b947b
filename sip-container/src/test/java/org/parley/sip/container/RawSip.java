package org.parley.sip.container;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
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
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SIP client on plain sockets, for what a JAIN-SIP client would not do: branch-less Vias as SIPE
 * sends them, a Contact nobody listens on (so the server must use our connection), malformed bytes.
 * Every read waits at most {@link #TIMEOUT_MS}.
 */
abstract class RawSip implements Closeable {

    static final int TIMEOUT_MS = 10_000;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    abstract void sendBytes(byte[] bytes) throws IOException;

    abstract Msg receive() throws IOException;

    abstract int localPort();

    abstract String transport();

    void send(String message) throws IOException {
        sendBytes(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next final response; provisional ones (JAIN-SIP's automatic 100 Trying) are skipped. */
    Msg response() throws IOException {
        while (true) {
            Msg msg = receive();
            if (msg.isRequest()) {
                throw new AssertionError("expected a response, got\n" + msg);
            }
            if (msg.status() >= 200) {
                return msg;
            }
        }
    }

    static RawSip tcp(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(LOOPBACK, port), TIMEOUT_MS);
        return new Stream(socket, "TCP");
    }

    static RawSip tls(int port, Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress(LOOPBACK, port), TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.startHandshake();
        return new Stream(socket, "TLS");
    }

    static RawSip udp(int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.connect(LOOPBACK, port);
        return new Datagram(socket);
    }

    static RawSip of(String transport, int port, Path pem) throws Exception {
        return switch (transport) {
            case "UDP" -> udp(port);
            case "TCP" -> tcp(port);
            case "TLS" -> tls(port, pem);
            default -> throw new IllegalArgumentException(transport);
        };
    }

    /** A parsed message: start line, headers by lower-case name, body. */
    record Msg(String startLine, Map<String, List<String>> headers, String body) {

        static Msg parse(String head, String body) {
            String[] lines = head.split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new Msg(lines[0], headers, body);
        }

        boolean isRequest() {
            return !startLine.startsWith("SIP/2.0 ");
        }

        int status() {
            return Integer.parseInt(startLine.split(" ")[1]);
        }

        String method() {
            return startLine.split(" ")[0];
        }

        String requestUri() {
            return startLine.split(" ")[1];
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        /** A header parameter, e.g. param("To", "tag"). */
        String param(String header, String name) {
            String value = header(header);
            for (String part : value.split(";")) {
                String[] kv = part.trim().split("=", 2);
                if (kv[0].equalsIgnoreCase(name)) {
                    return kv.length > 1 ? kv[1] : "";
                }
            }
            return null;
        }

        /** A 200 OK to this request, as a client answers a server INFO. */
        String ok() {
            return "SIP/2.0 200 OK\r\nVia: " + header("Via") + "\r\nFrom: " + header("From") + "\r\nTo: " + header("To")
                    + "\r\nCall-ID: " + header("Call-ID") + "\r\nCSeq: " + header("CSeq") + "\r\nContent-Length: 0\r\n\r\n";
        }

        String response(int status, String reason) {
            return ok().replace("SIP/2.0 200 OK", "SIP/2.0 " + status + " " + reason);
        }

        @Override
        public String toString() {
            return startLine + " " + headers + "\n" + body;
        }
    }

    private static final class Stream extends RawSip {
        private final Socket socket;
        private final String transport;
        private final InputStream in;
        private final OutputStream out;

        Stream(Socket socket, String transport) throws IOException {
            this.socket = socket;
            this.transport = transport;
            socket.setSoTimeout(TIMEOUT_MS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        @Override
        void sendBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        Msg receive() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!endsWithBlankLine(head.toByteArray())) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (head.size() > 0 || (b != '\r' && b != '\n')) {
                    head.write(b);
                }
            }
            String headText = head.toString(StandardCharsets.UTF_8).trim();
            Msg headers = Msg.parse(headText, "");
            String length = headers.header("Content-Length") != null ? headers.header("Content-Length") : headers.header("l");
            byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
            return Msg.parse(headText, new String(body, StandardCharsets.UTF_8));
        }

        private static boolean endsWithBlankLine(byte[] bytes) {
            int n = bytes.length;
            return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
        }

        @Override
        int localPort() {
            return socket.getLocalPort();
        }

        @Override
        String transport() {
            return transport;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final class Datagram extends RawSip {
        private final DatagramSocket socket;

        Datagram(DatagramSocket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(TIMEOUT_MS);
        }

        @Override
        void sendBytes(byte[] bytes) throws IOException {
            socket.send(new DatagramPacket(bytes, bytes.length));
        }

        @Override
        Msg receive() throws IOException {
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
        int localPort() {
            return socket.getLocalPort();
        }

        @Override
        String transport() {
            return "UDP";
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
