package org.parley.sip.container;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Spells Content-Length and Call-ID in full, as {@code Content-Length:} and {@code Call-ID:}, in the bytes an
 * accepted TCP or TLS connection hands JAIN-SIP's NIO parser, whatever form the peer wrote: compact ({@code l},
 * {@code i}, RFC 3261 §7.3.3), any case, with spaces or tabs before the colon. That parser frames messages by
 * lines starting with those two full names only ({@code NioPipelineParser.readMessageSipHeaderLines}): with
 * {@code l:} it takes the body for the next message's head, with {@code i:} on a connection's first message it
 * finds no Call-ID and drops the connection, and with a space before the colon it fails to read the number and
 * drops it too. What it hands on is then parsed by {@link StrictMessageParser}, which reads any spelling.
 *
 * <p>Only a header name at the start of a head line is rewritten: never the start line, a folded continuation, or
 * a body. To know where heads and bodies are, the bytes are framed exactly as that parser frames them, which is
 * not quite RFC 3261's: a line ends at LF, a head ends at a line that is exactly CR LF, CR LF between messages are
 * keep-alives, and the body is as long as the last line of the head starting with {@code content-length} said
 * (read after the name and one character, as the parser does; a message without one reuses the previous
 * message's length, as the parser does). Where the parser would fail on a line (a length that is no number), it
 * closes the connection, so what is framed after does not matter.
 *
 * <p>A name is held back until it is known, up to {@link #MAX_HELD} bytes, so that a name split between two reads
 * is still seen whole; the parser cannot use a line before its end anyway. One per connection, used by its
 * selector thread only.
 */
final class FullHeaderNames {

    private static final byte[] CONTENT_LENGTH = "Content-Length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CALL_ID = "Call-ID:".getBytes(StandardCharsets.US_ASCII);
    /** The parser's test of a Content-Length line (lower case), and where it reads the number from. */
    private static final String LENGTH_LINE = "content-length";

    private static final int VALUE_FROM = LENGTH_LINE.length() + 1;
    /** A name and the spaces after it: enough for {@code content-length} and a few spaces. */
    private static final int MAX_HELD = 64;

    private enum Name {
        /** Reading the name at the start of a head line. */
        NAME,
        /** After a name to rewrite, before its colon. */
        SPACE,
        /** Past the name (or the line is not one to look at): bytes go through as they are. */
        PAST
    }

    /** A line of this message has been read: the parser's head has begun. */
    private boolean inHead;

    private long bodyLeft;
    /** The parser's Content-Length: the last read, kept from one message to the next as the parser keeps it. */
    private long contentLength;

    private Name name = Name.PAST;
    private final StringBuilder nameRead = new StringBuilder();
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    /** What the parser is to get of the bytes being spelled. */
    private byte[] out;

    private int outLength;

    /** Bytes of the current line before its LF, and whether the first was CR: a line of CR alone ends the head. */
    private int lineLength;

    private boolean firstIsCr;
    /** The current line as the parser sees it (CRs dropped), its beginning only unless it is a Content-Length. */
    private final StringBuilder line = new StringBuilder();
    /** The line is shorter than {@code content-length} yet, or starts with it: all of it is kept. */
    private boolean keepLine = true;

    /** The connection's next bytes, as they came; returns what the parser is to get instead. */
    byte[] spell(byte[] bytes) {
        out = new byte[bytes.length + CONTENT_LENGTH.length];
        outLength = 0;
        int i = 0;
        while (i < bytes.length) {
            if (bodyLeft > 0) {
                int n = (int) Math.min(bodyLeft, bytes.length - i);
                ensure(n);
                System.arraycopy(bytes, i, out, outLength, n);
                outLength += n;
                bodyLeft -= n;
                i += n;
            } else {
                lineByte(bytes[i++]);
            }
        }
        byte[] spelled =
                Arrays.equals(out, 0, outLength, bytes, 0, bytes.length) ? bytes : Arrays.copyOf(out, outLength);
        out = null;
        return spelled;
    }

    private void ensure(int more) {
        if (outLength + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + more));
        }
    }

    private void emit(byte b) {
        ensure(1);
        out[outLength++] = b;
    }

    private void lineByte(byte b) {
        if (b == '\n') {
            release();
            emit(b);
            endOfLine();
            return;
        }
        if (lineLength++ == 0) {
            firstIsCr = b == '\r';
        }
        switch (name) {
            case NAME -> nameByte(b);
            case SPACE -> spaceByte(b);
            case PAST -> pass(b);
        }
    }

    private void nameByte(byte b) {
        String read = nameRead.toString();
        if (b == ':' && isRewritten(read)) {
            rewrite(read);
        } else if ((b == ' ' || b == '\t') && isRewritten(read)) {
            held.write(b);
            name = Name.SPACE;
        } else if (isNameStart(read + Character.toLowerCase((char) (b & 0xff)))) {
            nameRead.append(Character.toLowerCase((char) (b & 0xff)));
            held.write(b);
        } else {
            release();
            pass(b);
        }
    }

    private void spaceByte(byte b) {
        if (b == ':') {
            rewrite(nameRead.toString());
        } else if ((b == ' ' || b == '\t') && held.size() < MAX_HELD) {
            held.write(b);
        } else {
            release();
            pass(b);
        }
    }

    private static boolean isRewritten(String name) {
        return name.equals("l") || name.equals("i") || name.equals(LENGTH_LINE) || name.equals("call-id");
    }

    private static boolean isNameStart(String name) {
        return "l".startsWith(name)
                || "i".startsWith(name)
                || LENGTH_LINE.startsWith(name)
                || "call-id".startsWith(name);
    }

    private void rewrite(String name) {
        byte[] full = name.equals("l") || name.equals(LENGTH_LINE) ? CONTENT_LENGTH : CALL_ID;
        held.reset();
        for (byte b : full) {
            pass(b);
        }
        this.name = Name.PAST;
    }

    /** The held bytes go through as they came: they are no name to rewrite. */
    private void release() {
        byte[] bytes = held.toByteArray();
        held.reset();
        for (byte b : bytes) {
            pass(b);
        }
        name = Name.PAST;
    }

    private void pass(byte b) {
        emit(b);
        if (b != '\r' && keepLine) {
            line.append((char) (b & 0xff));
            if (line.length() == LENGTH_LINE.length()) {
                keepLine = line.toString().toLowerCase(Locale.ROOT).equals(LENGTH_LINE);
            }
        }
    }

    private boolean isLengthLine() {
        return keepLine && line.length() >= LENGTH_LINE.length();
    }

    private void endOfLine() {
        boolean empty = lineLength == 1 && firstIsCr;
        if (!empty) {
            if (isLengthLine()) {
                contentLength = lengthOf(line.toString());
            }
            inHead = true;
        } else if (inHead) {
            inHead = false;
            bodyLeft = contentLength;
        }
        // An empty line between messages is a keep-alive.
        lineLength = 0;
        firstIsCr = false;
        line.setLength(0);
        keepLine = true;
        nameRead.setLength(0);
        name = inHead ? Name.NAME : Name.PAST;
    }

    private static long lengthOf(String line) {
        try {
            return Math.max(
                    0,
                    Integer.parseInt(
                            line.substring(Math.min(VALUE_FROM, line.length())).trim()));
        } catch (NumberFormatException e) {
            // The parser fails on it and closes the connection.
            return 0;
        }
    }
}
