package org.parley.sip.container;

import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /** RFC 3261 §7.3.1: these appear once; compact forms count as their full names. */
    private static final Map<String, String> SINGLE = Map.of(
            "call-id",
            "Call-ID",
            "i",
            "Call-ID",
            "cseq",
            "CSeq",
            "from",
            "From",
            "f",
            "From",
            "to",
            "To",
            "t",
            "To",
            "content-length",
            "Content-Length",
            "l",
            "Content-Length");

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
            checked.fault = "NUL byte in a header";
            return;
        }
        int colon = header.indexOf(':');
        String name = SINGLE.get(
                (colon < 0 ? header : header.substring(0, colon)).trim().toLowerCase(Locale.ROOT));
        if (name != null && !checked.seen.add(name)) {
            checked.fault = name + " header more than once";
        }
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
        final Set<String> seen = new HashSet<>(8);
        String fault;
    }
}
