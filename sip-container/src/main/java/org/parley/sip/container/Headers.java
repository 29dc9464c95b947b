package org.parley.sip.container;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sip.header.Header;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * Header names and values between the servlet API and JAIN-SIP. Values are kept verbatim (as
 * extension headers) unless the stack itself reads the header, so that what a servlet or interceptor
 * writes, e.g. an {@code Authentication-Info}, goes on the wire exactly so.
 */
final class Headers {

    private static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("i", "Call-ID"),
            Map.entry("f", "From"),
            Map.entry("t", "To"),
            Map.entry("v", "Via"),
            Map.entry("m", "Contact"),
            Map.entry("l", "Content-Length"),
            Map.entry("c", "Content-Type"),
            Map.entry("e", "Content-Encoding"),
            Map.entry("k", "Supported"),
            Map.entry("s", "Subject"),
            Map.entry("o", "Event"),
            Map.entry("u", "Allow-Events"),
            Map.entry("x", "Session-Expires"),
            Map.entry("r", "Refer-To"),
            Map.entry("b", "Referred-By"));

    /** Owned by the layer: they define the transaction, the dialog and the framing. */
    private static final Set<String> SYSTEM =
            Set.of("call-id", "from", "to", "via", "cseq", "route", "record-route", "content-length", "content-type");

    /** Parsed into JAIN-SIP's types because the stack reads them. */
    private static final Set<String> TYPED = Set.of("contact", "expires", "max-forwards");

    private Headers() {}

    static String canonical(String name) {
        String full = COMPACT.get(name.toLowerCase(Locale.ROOT));
        return full != null ? full : name;
    }

    static void checkWritable(String name) {
        if (SYSTEM.contains(canonical(name).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " is managed by the SIP layer");
        }
    }

    /** One header line's worth of values: several for a comma-separated list of a typed header. */
    static List<Header> parse(String name, String value) {
        String canonical = canonical(name);
        if (!TYPED.contains(canonical.toLowerCase(Locale.ROOT))) {
            ExtensionHeaderImpl verbatim = new ExtensionHeaderImpl(canonical);
            verbatim.setValue(value.trim());
            return List.of(verbatim);
        }
        try {
            SIPHeader parsed = new StringMsgParser().parseSIPHeader(canonical + ": " + value.trim());
            List<Header> headers = new ArrayList<>();
            if (parsed instanceof SIPHeaderList<?> list) {
                list.forEach(headers::add);
            } else {
                headers.add(parsed);
            }
            return headers;
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + canonical + " header: " + value, e);
        }
    }

    static String value(Header header) {
        return header instanceof SIPHeader sip ? sip.getHeaderValue() : header.toString();
    }
}
