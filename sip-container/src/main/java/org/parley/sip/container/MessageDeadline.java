package org.parley.sip.container;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * The input of an accepted TCP or TLS connection, closing it (by failing the read, which makes
 * JAIN-SIP's reader drop the channel) when a SIP message is not complete within the read timeout of
 * its first byte, or when nothing at all arrives within the read timeout of the accept. A connection
 * idle between two messages is left alone however long it idles: clients keep their connection open
 * to receive our INFOs.
 *
 * <p>JAIN-SIP's own READ_TIMEOUT does not do this: its timer starts only once a whole first line has
 * been read, and a connection that sends nothing is never timed out; both hold its reader threads for
 * good. The deadline is enforced with the socket's SO_TIMEOUT, set before each read to what is left
 * of it, so a stalled connection costs no timer or extra thread, only its blocked reader until then.
 *
 * <p>To know where messages end, the bytes read are followed with RFC 3261 §7.5 framing: CRLFs
 * between messages (keep-alives), a head up to the empty line, then Content-Length bytes of body.
 * Only the reader thread of the connection calls it.
 */
final class MessageDeadline extends FilterInputStream {

    private enum State {
        BETWEEN,
        HEAD,
        BODY
    }

    private static final int MAX_LINE_KEPT = 64;

    private final Socket socket;
    private final long timeoutNanos;
    private final int timeoutMillis;
    private State state = State.HEAD;
    /** When the message being read began (for the first one: when the connection was accepted). */
    private long messageStart = System.nanoTime();
    /** The start line has been read: the head's empty line ends the head. */
    private boolean headStarted;

    private final StringBuilder line = new StringBuilder();
    private boolean lineTooLong;
    private boolean lineEmpty = true;
    private boolean pendingCr;
    private long contentLength;
    private long bodyLeft;

    MessageDeadline(InputStream in, Socket socket, int timeoutMillis) {
        super(in);
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        armTimeout();
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(
                    "no complete SIP message within " + timeoutMillis + " ms from " + socket.getRemoteSocketAddress());
        }
        for (int i = 0; i < n; i++) {
            follow(buffer[offset + i]);
        }
        if (state != State.BETWEEN && System.nanoTime() - messageStart > timeoutNanos) {
            // Trickling: bytes keep coming, but the message does not complete.
            throw new SocketTimeoutException(
                    "SIP message not complete within " + timeoutMillis + " ms from " + socket.getRemoteSocketAddress());
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported on a SIP connection");
    }

    private void armTimeout() throws IOException {
        if (state == State.BETWEEN) {
            socket.setSoTimeout(0);
            return;
        }
        long left = timeoutNanos - (System.nanoTime() - messageStart);
        if (left <= 0) {
            throw new SocketTimeoutException(
                    "no complete SIP message within " + timeoutMillis + " ms from " + socket.getRemoteSocketAddress());
        }
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000L));
    }

    private void follow(byte b) {
        switch (state) {
            case BETWEEN -> {
                if (b != '\r' && b != '\n') {
                    state = State.HEAD;
                    messageStart = System.nanoTime();
                    startLine();
                    headByte(b);
                }
            }
            case HEAD -> headByte(b);
            case BODY -> {
                if (--bodyLeft == 0) {
                    state = State.BETWEEN;
                }
            }
        }
    }

    private void startLine() {
        line.setLength(0);
        lineTooLong = false;
        lineEmpty = true;
        pendingCr = false;
    }

    private void headByte(byte b) {
        if (b == '\r') {
            pendingCr = true;
            return;
        }
        if (b == '\n') {
            endOfLine();
            return;
        }
        if (pendingCr) {
            // A lone CR inside a line: part of it.
            keep('\r');
            pendingCr = false;
        }
        keep((char) (b & 0xff));
    }

    private void keep(char c) {
        lineEmpty = false;
        if (line.length() < MAX_LINE_KEPT) {
            line.append(c);
        } else {
            lineTooLong = true;
        }
    }

    private void endOfLine() {
        if (lineEmpty) {
            if (headStarted) {
                endOfHead();
            }
            // CRLFs before a start line are keep-alives.
            startLine();
            return;
        }
        if (!headStarted) {
            headStarted = true;
            contentLength = 0;
        } else if (!lineTooLong) {
            contentLength(line.toString());
        }
        startLine();
    }

    private void endOfHead() {
        headStarted = false;
        if (contentLength > 0) {
            state = State.BODY;
            bodyLeft = contentLength;
        } else {
            state = State.BETWEEN;
        }
    }

    private void contentLength(String header) {
        int colon = header.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (!"content-length".equals(name) && !"l".equals(name)) {
            return;
        }
        String value = header.substring(colon + 1).trim();
        try {
            contentLength = Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            // JAIN-SIP refuses such a message; its own framing decides what follows.
            contentLength = 0;
        }
    }
}
