package org.parley.sip.container;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Frames the bytes an accepted TCP or TLS connection read (RFC 3261 §7.5: CR LF between messages, a head up to its
 * empty line, then Content-Length bytes of body) and holds back each message that may be a response until it is
 * whole, so that one the container reads itself ({@link ResponseHead}, #12) never reaches JAIN-SIP's parser; every
 * other byte goes on to it in the order it came, at once or, for a response the container did not take, once whole
 * (the parser can do nothing with a message before its end anyway). A response is held only up to {@link #MAX_HELD}
 * bytes, head and body: a longer one goes on as it comes.
 *
 * <p>Like Netty's {@code ByteToMessageDecoder} and Kamailio's TCP reader ({@code tcp_read_req}), it only frames:
 * what a held message is, is for the taker to read. One per connection, used by its selector thread only.
 */
final class HeldMessages {

    /** Where the bytes that are not taken go: the way they went before (FullHeaderNames, JAIN-SIP's parser). */
    interface Parser {
        void parse(byte[] bytes) throws Exception;
    }

    /** A whole held message, in {@code message[0, length)}: true if taken, and then nothing else sees it. */
    interface Taker {
        boolean take(byte[] message, int length);
    }

    /** A client's 200 is about 300 bytes; what is longer is rare enough to go JAIN-SIP's way. */
    static final int MAX_HELD = 16 * 1024;

    private static final int MAX_LINE_KEPT = 128;
    private static final String LENGTH = "content-length";

    private enum State {
        BETWEEN,
        HEAD,
        BODY
    }

    private State state = State.BETWEEN;
    /** The message being read is held back, not passed on. */
    private boolean holding;

    private byte[] held = new byte[512];
    private int heldLength;
    /** The current head line's first bytes, and how long it is in all (before its LF). */
    private final byte[] line = new byte[MAX_LINE_KEPT];

    private int lineLength;
    private long contentLength;
    /** The head's Content-Length was no number, or too long a line to read it: not to be held on. */
    private boolean lengthUnread;

    private long bodyLeft;

    /** The connection's next bytes, as they came. */
    void read(byte[] bytes, Parser parser, Taker taker) throws Exception {
        int segment = 0;
        int i = 0;
        while (i < bytes.length) {
            switch (state) {
                case BETWEEN -> {
                    byte b = bytes[i];
                    if (b == '\r' || b == '\n') {
                        i++; // a keep-alive: the parser answers it
                    } else {
                        // Only a response starts with 'S' among what we hold on to ("SIP/2.0 "); the rest goes on.
                        if (b == 'S') {
                            pass(bytes, segment, i, parser);
                            segment = i;
                            holding = true;
                        }
                        state = State.HEAD;
                        lineLength = 0;
                        contentLength = 0;
                        lengthUnread = false;
                    }
                }
                case HEAD -> {
                    int lf = lineEnd(bytes, i);
                    keep(bytes, i, lf);
                    if (lf == bytes.length) {
                        i = lf;
                    } else {
                        i = lf + 1;
                        if (endOfLine()) {
                            if (holding && (lengthUnread || contentLength > MAX_HELD)) {
                                segment = release(bytes, segment, i, parser);
                            }
                            bodyLeft = contentLength;
                            state = State.BODY;
                            if (bodyLeft == 0) {
                                segment = endOfMessage(bytes, segment, i, parser, taker);
                            }
                        }
                    }
                }
                case BODY -> {
                    int n = (int) Math.min(bodyLeft, bytes.length - i);
                    i += n;
                    bodyLeft -= n;
                    if (bodyLeft == 0) {
                        segment = endOfMessage(bytes, segment, i, parser, taker);
                    }
                }
            }
            if (holding && heldLength + (i - segment) > MAX_HELD) {
                segment = release(bytes, segment, i, parser);
            }
        }
        if (holding) {
            hold(bytes, segment, bytes.length);
        } else {
            pass(bytes, segment, bytes.length, parser);
        }
    }

    /** The held message is whole: the taker's, or on to the parser. Returns where the next segment starts. */
    private int endOfMessage(byte[] bytes, int segment, int end, Parser parser, Taker taker) throws Exception {
        state = State.BETWEEN;
        if (!holding) {
            return segment;
        }
        hold(bytes, segment, end);
        holding = false;
        int length = heldLength;
        heldLength = 0;
        if (!taker.take(held, length)) {
            parser.parse(Arrays.copyOf(held, length));
        }
        return end;
    }

    /** The message is not to be held after all: what was held goes on, and the rest of it as it comes. */
    private int release(byte[] bytes, int segment, int end, Parser parser) throws Exception {
        hold(bytes, segment, end);
        holding = false;
        if (heldLength > 0) {
            parser.parse(Arrays.copyOf(held, heldLength));
        }
        heldLength = 0;
        return end;
    }

    private void hold(byte[] bytes, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        if (heldLength + n > held.length) {
            held = Arrays.copyOf(held, Math.max(held.length * 2, heldLength + n));
        }
        System.arraycopy(bytes, from, held, heldLength, n);
        heldLength += n;
    }

    private static void pass(byte[] bytes, int from, int to, Parser parser) throws Exception {
        if (to > from) {
            parser.parse(from == 0 && to == bytes.length ? bytes : Arrays.copyOfRange(bytes, from, to));
        }
    }

    private static int lineEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private void keep(byte[] bytes, int from, int to) {
        int kept = Math.max(0, Math.min(to - from, MAX_LINE_KEPT - lineLength));
        System.arraycopy(bytes, from, line, Math.min(lineLength, MAX_LINE_KEPT), kept);
        lineLength += to - from;
    }

    /** A head line ended (its LF read); true if it was the empty line ending the head. */
    private boolean endOfLine() {
        int length = lineLength;
        lineLength = 0;
        if (length == 0 || (length == 1 && line[0] == '\r')) {
            return true;
        }
        int colon = -1;
        for (int i = 0; i < Math.min(length, MAX_LINE_KEPT) && colon < 0; i++) {
            if (line[i] == ':') {
                colon = i;
            }
        }
        if (colon > 0 && isLengthName(colon)) {
            if (length > MAX_LINE_KEPT) {
                lengthUnread = true;
                return false;
            }
            String value = new String(line, colon + 1, length - colon - 1, StandardCharsets.ISO_8859_1).trim();
            try {
                contentLength = Math.max(0, Long.parseLong(value));
            } catch (NumberFormatException e) {
                lengthUnread = true;
                contentLength = 0;
            }
        }
        return false;
    }

    private boolean isLengthName(int colon) {
        int from = 0;
        int to = colon;
        while (to > from && (line[to - 1] & 0xff) <= ' ') {
            to--;
        }
        if (to - from == 1) {
            return (line[from] | 0x20) == 'l';
        }
        if (to - from != LENGTH.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.toLowerCase((char) (line[i] & 0xff)) != LENGTH.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }
}
