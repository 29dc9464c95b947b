package org.parley.sip.container;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * When the SIP message an accepted TCP or TLS connection is sending began, so that the connection can be
 * closed when the message is not complete within the read timeout of its first byte, or when nothing at all
 * arrives within the read timeout of the accept. A connection idle between two messages is left alone however
 * long it idles: clients keep their connection open to receive our INFOs.
 *
 * <p>JAIN-SIP's own READ_TIMEOUT does not do this (its NIO channels ignore it, and its NIO_MAX_SOCKET_IDLE_TIME
 * closes idle connections, the very ones we keep). Under NIO a read timeout cannot be a socket option either: no
 * thread blocks in a read. So the channel's selector thread tells this deadline every byte it hands the parser
 * ({@link #follow}), and one scheduled sweep per listening point asks each connection whether it is
 * {@link #overdue} and closes those that are: no timer and no thread per connection. Trickling bytes does not
 * extend the deadline, since it runs from the message's first byte.
 *
 * <p>To know where messages end, the bytes are followed with RFC 3261 §7.5 framing: CRLFs between messages
 * (keep-alives), a head up to the empty line, then Content-Length bytes of body. Only the selector thread of
 * the connection calls {@link #follow}; the sweep reads the two volatile fields.
 */
final class MessageDeadline {

    private enum State {
        BETWEEN,
        HEAD,
        BODY
    }

    private static final int MAX_LINE_KEPT = 64;

    private final long timeoutNanos;
    private volatile State state = State.HEAD;
    /** When the message being read began (for the first one: when the connection was accepted). */
    private volatile long messageStart;
    /** The start line has been read: the head's empty line ends the head. */
    private boolean headStarted;

    /** The line's first bytes, as many as {@link #MAX_LINE_KEPT}: copied in runs, read as ISO-8859-1. */
    private final byte[] line = new byte[MAX_LINE_KEPT];

    private int lineLength;
    private boolean lineTooLong;
    private boolean lineEmpty = true;
    private boolean pendingCr;
    private long contentLength;
    private long bodyLeft;

    /** @param acceptedAt {@link System#nanoTime()} of the accept: the first message is due from then */
    MessageDeadline(long timeoutMillis, long acceptedAt) {
        this.timeoutNanos = timeoutMillis * 1_000_000L;
        this.messageStart = acceptedAt;
    }

    /** Whether, at {@code now} ({@link System#nanoTime()}), a message has been due for longer than the timeout. */
    boolean overdue(long now) {
        return state != State.BETWEEN && now - messageStart > timeoutNanos;
    }

    /** The connection's next bytes, as the parser gets them (after TLS decryption). */
    void follow(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            State now = state;
            if (now == State.BODY) {
                // A body is skipped, not followed byte by byte (#12): only its length matters.
                int n = (int) Math.min(bodyLeft, bytes.length - i);
                bodyLeft -= n;
                i += n;
                if (bodyLeft == 0) {
                    state = State.BETWEEN;
                }
            } else if (now == State.HEAD && !pendingCr && isPlain(bytes[i])) {
                i = keepRun(bytes, i);
            } else {
                follow(bytes[i++]);
            }
        }
    }

    private static boolean isPlain(byte b) {
        return b != '\r' && b != '\n';
    }

    /** {@link #keep} for the bytes from {@code from} up to the next CR or LF, at once; returns where they end. */
    private int keepRun(byte[] bytes, int from) {
        int end = from;
        while (end < bytes.length && isPlain(bytes[end])) {
            end++;
        }
        lineEmpty = false;
        int kept = Math.min(end - from, MAX_LINE_KEPT - lineLength);
        System.arraycopy(bytes, from, line, lineLength, kept);
        lineLength += kept;
        if (end - from > kept) {
            lineTooLong = true;
        }
        return end;
    }

    private void follow(byte b) {
        switch (state) {
            case BETWEEN -> {
                if (b != '\r' && b != '\n') {
                    messageStart = System.nanoTime();
                    state = State.HEAD;
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
        lineLength = 0;
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
        if (lineLength < MAX_LINE_KEPT) {
            line[lineLength++] = (byte) c;
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
        } else if (!lineTooLong && isLengthName(line, lineLength)) {
            contentLength(new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
        }
        startLine();
    }

    private void endOfHead() {
        headStarted = false;
        if (contentLength > 0) {
            bodyLeft = contentLength;
            state = State.BODY;
        } else {
            state = State.BETWEEN;
        }
    }

    /**
     * The line's name, trimmed, is {@code content-length} or {@code l} in any case; read in place, since most lines
     * are not, and a String per line was a hot spot (#12).
     */
    private static boolean isLengthName(byte[] line, int length) {
        int colon = -1;
        for (int i = 0; i < length && colon < 0; i++) {
            if (line[i] == ':') {
                colon = i;
            }
        }
        if (colon < 0) {
            return false;
        }
        int from = 0;
        int to = colon;
        while (from < to && (line[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (line[to - 1] & 0xff) <= ' ') {
            to--;
        }
        return isName(line, from, to, "content-length") || isName(line, from, to, "l");
    }

    private static boolean isName(byte[] line, int from, int to, String lowerCase) {
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.toLowerCase((char) (line[i] & 0xff)) != lowerCase.charAt(i - from)) {
                return false;
            }
        }
        return true;
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
