package org.parley.chat.interfaces.sip.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a SIP message an MS-SIPAE signature covers (protocol version 3, SIPE's
 * {@code sipmsg_breakdown}; docs/protocol/real-client.md §4.2). Built from the header values as they are on the
 * wire, so it must be taken after the SIP layer set tags, CSeq and Expires.
 *
 * @param statusCode the response's status, or 0 for a request
 */
public record SipaeSignedFields(
        String callId,
        String cseqNumber,
        String cseqMethod,
        String fromUri,
        String fromTag,
        String toUri,
        String toTag,
        String assertedSipUri,
        String assertedTelUri,
        String expires,
        int statusCode) {

    /**
     * @param from, to the {@code From} and {@code To} values, e.g. {@code <sip:a@b>;tag=1;epid=2}
     * @param pAssertedIdentity the {@code P-Asserted-Identity} value, or null
     * @param expires the {@code Expires} value, or null
     */
    public static SipaeSignedFields of(
            String callId,
            String cseq,
            String from,
            String to,
            String pAssertedIdentity,
            String expires,
            int statusCode) {
        String[] cseqParts = cseq == null ? new String[0] : cseq.strip().split("\\s+");
        if (callId == null || cseqParts.length != 2) {
            throw new NtlmException("a signed message needs Call-ID and 'CSeq: <number> <method>'");
        }
        String sipUri = "";
        String telUri = "";
        for (String identity : splitAddresses(pAssertedIdentity)) {
            String uri = uri(identity);
            if (uri.regionMatches(true, 0, "sip:", 0, 4) || uri.regionMatches(true, 0, "sips:", 0, 5)) {
                sipUri = uri;
            } else if (uri.regionMatches(true, 0, "tel:", 0, 4)) {
                telUri = uri;
            }
        }
        return new SipaeSignedFields(
                callId.strip(),
                cseqParts[0],
                cseqParts[1],
                uri(from),
                tag(from),
                uri(to),
                tag(to),
                sipUri,
                telUri,
                expires == null ? "" : expires.strip(),
                statusCode);
    }

    /** The string signed: every field in angle brackets, an absent one as {@code <>}. */
    public String signedString(String protocol, String rand, String number, String realm, String targetName) {
        StringBuilder out = new StringBuilder();
        for (String field : List.of(
                protocol,
                rand,
                number,
                realm,
                targetName,
                callId,
                cseqNumber,
                cseqMethod,
                fromUri,
                fromTag,
                toUri,
                toTag,
                assertedSipUri,
                assertedTelUri,
                expires)) {
            out.append('<').append(field).append('>');
        }
        if (statusCode != 0) {
            out.append('<').append(statusCode).append('>');
        }
        return out.toString();
    }

    /** The URI of a name-addr ({@code "Name" <uri>;params}) or addr-spec ({@code uri;params}). */
    static String uri(String address) {
        if (address == null) {
            return "";
        }
        int open = address.indexOf('<');
        if (open >= 0) {
            int close = address.indexOf('>', open);
            return close < 0 ? "" : address.substring(open + 1, close).strip();
        }
        int semicolon = address.indexOf(';');
        return (semicolon < 0 ? address : address.substring(0, semicolon)).strip();
    }

    /** The tag parameter up to the next {@code ;}, so that {@code epid} is left out. */
    static String tag(String address) {
        if (address == null) {
            return "";
        }
        int close = address.indexOf('>');
        String parameters = close < 0 ? address : address.substring(close + 1);
        for (String parameter : parameters.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("tag=")) {
                return trimmed.substring(4).strip();
            }
        }
        return "";
    }

    /** Splits a list of addresses on the commas outside {@code <...>} and quotes. */
    private static List<String> splitAddresses(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        boolean inAngle = false;
        boolean inQuote = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && !inAngle) {
                inQuote = !inQuote;
            } else if (c == '<' && !inQuote) {
                inAngle = true;
            } else if (c == '>' && !inQuote) {
                inAngle = false;
            } else if (c == ',' && !inAngle && !inQuote) {
                out.add(value.substring(start, i));
                start = i + 1;
            }
        }
        out.add(value.substring(start));
        return out;
    }
}
