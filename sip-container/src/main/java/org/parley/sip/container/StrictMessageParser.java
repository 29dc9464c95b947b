package org.parley.sip.container;

import java.text.ParseException;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's parser, plus what it lets pass silently: a second Call-ID, CSeq, From, To or
 * Content-Length (it keeps one of the two, so which dialog the request belongs to depends on the
 * parser) and a NUL byte in a header. Such a message is marked ({@link #fault}) rather than refused
 * here: refusing in the parser makes JAIN-SIP drop the whole TCP connection, while {@link Intake}
 * answers 400 and keeps it. Stateless (JAIN-SIP shares one parser between threads): the headers seen
 * so far travel with the message being parsed. Named in {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}.
 */
public final class StrictMessageParser extends StringMsgParser implements MessageParserFactory {

    /** RFC 3261 §7.3.1: these appear once. */
    private static final String[] SINGLE = {"Call-ID", "CSeq", "From", "To", "Content-Length"};
    /** How each of {@link #SINGLE} may be spelled, lower case: compact forms count as their full names. */
    private static final String[][] SPELLINGS = {
        {"call-id", "i"}, {"cseq"}, {"from", "f"}, {"to", "t"}, {"content-length", "l"}
    };

    private static final StrictMessageParser INSTANCE = new StrictMessageParser();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return INSTANCE;
    }

    @Override
    protected void processHeader(String header, SIPMessage message, ParseExceptionListener listener, byte[] raw)
            throws ParseException {
        if (header != null && message != null) {
            check(header, message);
        }
        super.processHeader(header, message, listener, raw);
    }

    private static void check(String header, SIPMessage message) {
        Checked checked = message.getApplicationData() instanceof Checked c ? c : new Checked();
        message.setApplicationData(checked);
        if (checked.fault != null) {
            return;
        }
        if (header.indexOf('\0') >= 0) {
            checked.fault = NUL;
            return;
        }
        int single = single(header);
        if (single >= 0) {
            int bit = 1 << single;
            if ((checked.seen & bit) != 0) {
                checked.fault = twice(single);
            }
            checked.seen |= bit;
        }
    }

    /**
     * Which of {@link #SINGLE} the header line names (its name trimmed, in any case), or -1. Read in place: every
     * header of every message passes here, and a substring, a trim and a lower-cased copy per header were a hot
     * spot (#12). Only ASCII letters are folded, which is all that lower-casing the name could make match.
     */
    private static int single(String header) {
        int colon = header.indexOf(':');
        int from = 0;
        int to = colon < 0 ? header.length() : colon;
        while (from < to && header.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && header.charAt(to - 1) <= ' ') {
            to--;
        }
        for (int i = 0; i < SPELLINGS.length; i++) {
            for (String spelling : SPELLINGS[i]) {
                if (isSpelled(header, from, to, spelling)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Which of {@link #SINGLE} the name in {@code line[from, to)} (trimmed already) spells, or -1: the same rule for
     * the responses {@link ResponseHead} reads without this parser.
     */
    static int single(byte[] line, int from, int to) {
        for (int i = 0; i < SPELLINGS.length; i++) {
            for (String spelling : SPELLINGS[i]) {
                if (isSpelled(line, from, to, spelling)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The fault of a message in which the header {@link #single} numbered {@code single} came twice. */
    static String twice(int single) {
        return SINGLE[single] + " header more than once";
    }

    /** The fault of a message with a NUL byte in a header. */
    static final String NUL = "NUL byte in a header";

    private static boolean isSpelled(byte[] line, int from, int to, String lowerCase) {
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = line[i] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCase.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpelled(String header, int from, int to, String lowerCase) {
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = header.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerCase.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why a received message is malformed though it parsed, or null; clears the mark (the message's
     * application data) either way.
     */
    static String fault(SIPMessage message) {
        if (message.getApplicationData() instanceof Checked checked) {
            message.setApplicationData(null);
            return checked.fault;
        }
        return null;
    }

    private static final class Checked {
        /** A bit per index of {@link #SINGLE} seen. */
        int seen;

        String fault;
    }
}
