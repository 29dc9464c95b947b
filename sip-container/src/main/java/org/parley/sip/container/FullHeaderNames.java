package org.parley.sip.container;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    /** The names rewritten, lower case. */
    private static final String[] REWRITTEN = {"l", "i", LENGTH_LINE, "call-id"};
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

    /**
     * The parser has nothing of a message and would frame a message carrying {@code Content-Length: length} (or none,
     * when {@code length} is what it would reuse) as its head and that many bytes: a whole message may then be kept
     * from it without the framing of what follows changing (#12, {@link HeldMessages}).
     */
    boolean wouldSkipWhole(long length) {
        return !inHead && bodyLeft == 0 && lineLength == 0 && held.size() == 0 && contentLength == length;
    }

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
            } else if (name == Name.PAST && lineLength > 0) {
                // The rest of a line that is no name to rewrite goes through in one copy: a client's 200 is
                // mostly such lines, and byte by byte they were a twentieth of the server's CPU (#12).
                int end = lineEnd(bytes, i);
                passRun(bytes, i, end);
                lineLength += end - i;
                i = end;
                if (i < bytes.length) {
                    lineByte(bytes[i++]);
                }
            } else {
                lineByte(bytes[i++]);
            }
        }
        byte[] spelled =
                Arrays.equals(out, 0, outLength, bytes, 0, bytes.length) ? bytes : Arrays.copyOf(out, outLength);
        out = null;
        return spelled;
    }

    /** Where the line from {@code from} ends: its LF, or the end of the bytes. */
    private static int lineEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\n') {
            i++;
        }
        return i;
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
        char lower = Character.toLowerCase((char) (b & 0xff));
        if (b == ':' && isRewritten()) {
            rewrite();
        } else if ((b == ' ' || b == '\t') && isRewritten()) {
            held.write(b);
            name = Name.SPACE;
        } else if (isNameStart(lower)) {
            nameRead.append(lower);
            held.write(b);
        } else {
            release();
            pass(b);
        }
    }

    private void spaceByte(byte b) {
        if (b == ':') {
            rewrite();
        } else if ((b == ' ' || b == '\t') && held.size() < MAX_HELD) {
            held.write(b);
        } else {
            release();
            pass(b);
        }
    }

    /** The name read so far is one to rewrite. Compared in place: a String per byte was a hot spot (#12). */
    private boolean isRewritten() {
        for (String rewritten : REWRITTEN) {
            if (rewritten.contentEquals(nameRead)) {
                return true;
            }
        }
        return false;
    }

    /** The name read so far, then {@code next}, begins a name to rewrite. */
    private boolean isNameStart(char next) {
        int read = nameRead.length();
        for (String rewritten : REWRITTEN) {
            if (rewritten.length() > read && rewritten.charAt(read) == next && startsWithNameRead(rewritten)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWithNameRead(String rewritten) {
        for (int i = 0; i < nameRead.length(); i++) {
            if (rewritten.charAt(i) != nameRead.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void rewrite() {
        boolean length = "l".contentEquals(nameRead) || LENGTH_LINE.contentEquals(nameRead);
        byte[] full = length ? CONTENT_LENGTH : CALL_ID;
        held.reset();
        for (byte b : full) {
            pass(b);
        }
        this.name = Name.PAST;
    }

    /** The held bytes go through as they came: they are no name to rewrite. */
    private void release() {
        if (held.size() > 0) {
            byte[] bytes = held.toByteArray();
            held.reset();
            for (byte b : bytes) {
                pass(b);
            }
        }
        name = Name.PAST;
    }

    private void pass(byte b) {
        emit(b);
        if (b != '\r' && keepLine) {
            line.append((char) (b & 0xff));
            if (line.length() == LENGTH_LINE.length()) {
                keepLine = isLengthName(line);
            }
        }
    }

    /** {@link #pass} for each of {@code bytes[from, to)}, none of them an LF, with one copy. */
    private void passRun(byte[] bytes, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(bytes, from, out, outLength, n);
        outLength += n;
        for (int i = from; i < to && keepLine; i++) {
            byte b = bytes[i];
            if (b != '\r') {
                line.append((char) (b & 0xff));
                if (line.length() == LENGTH_LINE.length()) {
                    keepLine = isLengthName(line);
                }
            }
        }
    }

    /** {@code content-length} in any case; the line's chars are bytes, so no case mapping leaves ASCII. */
    private static boolean isLengthName(CharSequence chars) {
        for (int i = 0; i < LENGTH_LINE.length(); i++) {
            if (Character.toLowerCase(chars.charAt(i)) != LENGTH_LINE.charAt(i)) {
                return false;
            }
        }
        return true;
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
