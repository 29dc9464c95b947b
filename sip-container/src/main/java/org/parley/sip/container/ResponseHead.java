package org.parley.sip.container;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import gov.nist.javax.sip.message.SIPRequest;

/**
 * A response read without JAIN-SIP's parser (#12): its status line and header lines are kept as byte ranges of the
 * bytes as they came, and a String is made only for a header asked for. It is how a client's 200 to one of our
 * requests sent without a transaction ({@link Outbound}) is read, since all the container and the interceptors read
 * of it is the status, the top Via's branch and a few headers, and JAIN-SIP's parse of every header into objects
 * was a fifth of the server's samples in a room of 1,000.
 *
 * <p>{@link #read} takes only a plain response and says null to anything else, which then goes JAIN-SIP's way as
 * before: a start line other than {@code SIP/2.0 <3 digits> <reason>}, a folded header line or one without a
 * colon, a missing Via, From, To, Call-ID or CSeq (JAIN-SIP drops such a response), a CSeq that is no number and
 * method. {@link #fault} holds {@link StrictMessageParser}'s rules (a second Call-ID, CSeq, From, To or
 * Content-Length in any spelling, a NUL byte in a header), checked with the same table.
 *
 * <p>A value is the header line after its colon, trimmed, decoded as UTF-8 as JAIN-SIP decodes a message; the
 * headers JAIN-SIP reads as lists of comma-separated values (Via, Contact, P-Asserted-Identity ...) are not
 * answered here ({@link #answers}): the response in its lean form asks JAIN-SIP for those.
 */
final class ResponseHead {

    /** What a header line's value is taken as is for: never split into several values by JAIN-SIP. */
    private static final Set<String> ANSWERED = Set.of("call-id", "cseq", "from", "to", "expires", "authorization");

    private static final byte[] START = "SIP/2.0 ".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    private final int length;
    private final int status;
    private final String reasonPhrase;
    /** Per header line, four offsets into {@link #bytes}: its name's start and end, its value's start and end. */
    private final int[] lines;

    private final int lineCount;
    private final int bodyFrom;
    private final String fault;
    private final String topViaBranch;
    private final String callId;
    private final long cseqNumber;
    private final String cseqMethod;

    private ResponseHead(
            byte[] bytes,
            int length,
            int status,
            String reasonPhrase,
            int[] lines,
            int lineCount,
            int bodyFrom,
            String fault,
            String topViaBranch,
            String callId,
            long cseqNumber,
            String cseqMethod) {
        this.bytes = bytes;
        this.length = length;
        this.status = status;
        this.reasonPhrase = reasonPhrase;
        this.lines = lines;
        this.lineCount = lineCount;
        this.bodyFrom = bodyFrom;
        this.fault = fault;
        this.topViaBranch = topViaBranch;
        this.callId = callId;
        this.cseqNumber = cseqNumber;
        this.cseqMethod = cseqMethod;
    }

    /**
     * The response in {@code message[0, length)}, a whole message framed already (its head, the empty line, its
     * body), or null when it is not a plain response (see the class). The bytes are copied: the caller's array is
     * reused for the next message.
     */
    static ResponseHead read(byte[] bytes, int length) {
        byte[] message = Arrays.copyOf(bytes, length);
        int lineEnd = lineEnd(message, 0, length);
        if (lineEnd < 0 || !startsWith(message, length, START)) {
            return null;
        }
        int status = status(message, START.length, textEnd(message, 0, lineEnd));
        if (status < 0) {
            return null;
        }
        int reasonFrom = Math.min(START.length + 4, textEnd(message, 0, lineEnd));
        String reason = text(message, reasonFrom, textEnd(message, 0, lineEnd));
        int[] lines = new int[64];
        int count = 0;
        int seen = 0;
        String fault = null;
        int via = -1;
        int callId = -1;
        int cseq = -1;
        boolean from = false;
        boolean to = false;
        int at = lineEnd + 1;
        while (true) {
            int end = lineEnd(message, at, length);
            if (end < 0) {
                return null; // no empty line: not a whole head
            }
            int textEnd = textEnd(message, at, end);
            if (textEnd == at) {
                if (end == at) {
                    return null; // a bare LF: JAIN-SIP's framing ends a head on CR LF only
                }
                at = end + 1;
                break;
            }
            byte first = message[at];
            if (first == ' ' || first == '\t') {
                return null; // folded: JAIN-SIP unfolds it
            }
            int colon = indexOf(message, at, textEnd, (byte) ':');
            if (colon < 0) {
                return null;
            }
            int nameTo = trimEnd(message, at, colon);
            int valueFrom = trimStart(message, colon + 1, textEnd);
            int valueTo = trimEnd(message, valueFrom, textEnd);
            if (fault == null && indexOf(message, at, textEnd, (byte) 0) >= 0) {
                fault = StrictMessageParser.NUL;
            }
            int single = StrictMessageParser.single(message, at, nameTo);
            if (single >= 0) {
                if (fault == null && (seen & (1 << single)) != 0) {
                    fault = StrictMessageParser.twice(single);
                }
                seen |= 1 << single;
                switch (single) {
                    case 0 -> callId = count;
                    case 1 -> cseq = count;
                    case 2 -> from = true;
                    case 3 -> to = true;
                    default -> {}
                }
            } else if (via < 0 && isVia(message, at, nameTo)) {
                via = count;
            }
            if (count * 4 == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[count * 4] = at;
            lines[count * 4 + 1] = nameTo;
            lines[count * 4 + 2] = valueFrom;
            lines[count * 4 + 3] = valueTo;
            count++;
            at = end + 1;
        }
        if (via < 0 || callId < 0 || cseq < 0 || !from || !to) {
            return null;
        }
        String cseqValue = text(message, lines[cseq * 4 + 2], lines[cseq * 4 + 3]);
        int space = cseqValue.indexOf(' ');
        if (space < 0) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(cseqValue.substring(0, space));
        } catch (NumberFormatException e) {
            return null;
        }
        String method = cseqValue.substring(space + 1).trim();
        if (method.isEmpty() || number < 0) {
            return null;
        }
        return new ResponseHead(
                message,
                length,
                status,
                reason,
                lines,
                count,
                at,
                fault,
                branch(message, lines[via * 4 + 2], lines[via * 4 + 3]),
                text(message, lines[callId * 4 + 2], lines[callId * 4 + 3]),
                number,
                SIPRequest.getCannonicalName(method));
    }

    int status() {
        return status;
    }

    String reasonPhrase() {
        return reasonPhrase;
    }

    /** Why the response is malformed by {@link StrictMessageParser}'s rules, or null. */
    String fault() {
        return fault;
    }

    /** The top Via's branch parameter, or "" without one. */
    String topViaBranch() {
        return topViaBranch;
    }

    String callId() {
        return callId;
    }

    long cseqNumber() {
        return cseqNumber;
    }

    /** CSeq's method, as JAIN-SIP's CSeq gives it. */
    String cseqMethod() {
        return cseqMethod;
    }

    /** The message's bytes, not to be changed: for JAIN-SIP's parse when something else than the head is asked. */
    byte[] bytes() {
        return bytes;
    }

    int bodyLength() {
        return length - bodyFrom;
    }

    /** Whether {@link #header} answers for this name (any case, compact forms too). */
    static boolean answers(String name) {
        return ANSWERED.contains(Headers.canonical(name).toLowerCase(Locale.ROOT));
    }

    /** Whether a header of this name (any case, compact forms too) is in the head. */
    boolean has(String name) {
        String canonical = Headers.canonical(name);
        for (int i = 0; i < lineCount; i++) {
            if (isNamed(i, canonical)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first value of a header (any case, compact forms too), or null. CSeq is spelled as JAIN-SIP spells it,
     * number and method in upper case, since what is signed is read from it.
     */
    String header(String name) {
        String canonical = Headers.canonical(name);
        if (canonical.equalsIgnoreCase("CSeq")) {
            return cseqNumber + " " + cseqMethod.toUpperCase(Locale.ENGLISH);
        }
        for (int i = 0; i < lineCount; i++) {
            if (isNamed(i, canonical)) {
                return text(bytes, lines[i * 4 + 2], lines[i * 4 + 3]);
            }
        }
        return null;
    }

    /** Every value of a header (any case, compact forms too), in order, a line each. */
    List<String> headers(String name) {
        String canonical = Headers.canonical(name);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            if (isNamed(i, canonical)) {
                values.add(text(bytes, lines[i * 4 + 2], lines[i * 4 + 3]));
            }
        }
        return values;
    }

    private boolean isNamed(int line, String canonical) {
        int from = lines[line * 4];
        int to = lines[line * 4 + 1];
        if (to - from == 1) {
            String full = Headers.canonical(String.valueOf((char) (bytes[from] & 0xff)));
            if (full.length() > 1) {
                return full.equalsIgnoreCase(canonical);
            }
        }
        return isSpelledIgnoringCase(bytes, from, to, canonical);
    }

    private static boolean isSpelledIgnoringCase(byte[] bytes, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = (char) (bytes[i] & 0xff);
            if (Character.toLowerCase(c) != Character.toLowerCase(name.charAt(i - from))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVia(byte[] bytes, int from, int to) {
        return isSpelledIgnoringCase(bytes, from, to, "via") || isSpelledIgnoringCase(bytes, from, to, "v");
    }

    /** The branch parameter of the first Via value in {@code bytes[from, to)}, or "". */
    private static String branch(byte[] bytes, int from, int to) {
        int end = indexOf(bytes, from, to, (byte) ',');
        String via = text(bytes, from, end < 0 ? to : end);
        for (String parameter : via.split(";")) {
            String trimmed = parameter.trim();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).trim().equalsIgnoreCase("branch")) {
                return trimmed.substring(equals + 1).trim();
            }
        }
        return "";
    }

    /** Three digits from 100 to 699 at {@code from}, then the end of the line or a space; -1 otherwise. */
    private static int status(byte[] bytes, int from, int to) {
        if (to - from < 3 || (to - from > 3 && bytes[from + 3] != ' ')) {
            return -1;
        }
        int status = 0;
        for (int i = from; i < from + 3; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            status = status * 10 + digit;
        }
        return status >= 100 && status <= 699 ? status : -1;
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        return length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The LF ending the line at {@code from}, or -1. */
    private static int lineEnd(byte[] bytes, int from, int to) {
        return indexOf(bytes, from, to, (byte) '\n');
    }

    /** Where the line's text ends: before its CR, if the LF at {@code lf} follows one. */
    private static int textEnd(byte[] bytes, int from, int lf) {
        return lf > from && bytes[lf - 1] == '\r' ? lf - 1 : lf;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int trimStart(byte[] bytes, int from, int to) {
        while (from < to && (bytes[from] & 0xff) <= ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] bytes, int from, int to) {
        while (to > from && (bytes[to - 1] & 0xff) <= ' ') {
            to--;
        }
        return to;
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
