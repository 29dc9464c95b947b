package org.parley.chat.interfaces.sip.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An MS-SIPAE {@code Authorization}, {@code WWW-Authenticate} or {@code Authentication-Info} value:
 * a scheme and comma-separated {@code name=value} or {@code name="value"} parameters [MS-SIPAE
 * 2.2]. Parameter names are case-insensitive and kept lower-case.
 */
public record SipaeHeader(String scheme, Map<String, String> parameters) {

    /** Far above SIPE's largest value (an AUTHENTICATE in base64, about 500 characters). */
    public static final int MAX_LENGTH = 8192;

    /** Parameters whose values SIPE and Lync write as tokens; every other one is quoted. */
    private static final Set<String> UNQUOTED = Set.of("version");

    public SipaeHeader {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** @throws NtlmException for anything but well-formed parameters, and for repeated names */
    public static SipaeHeader parse(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new NtlmException("authentication header of " + value.length() + " characters");
        }
        String text = value.strip();
        int space = indexOfWhitespace(text);
        String scheme = space < 0 ? text : text.substring(0, space);
        if (scheme.isEmpty()) {
            throw new NtlmException("authentication header without a scheme");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int at = space < 0 ? text.length() : space;
        while (true) {
            at = skipWhitespace(text, at);
            if (at == text.length()) {
                break;
            }
            int equals = text.indexOf('=', at);
            if (equals < 0) {
                throw new NtlmException("authentication parameter without a value at " + at);
            }
            String name = text.substring(at, equals).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '"' || c == ',')) {
                throw new NtlmException("bad authentication parameter name at " + at);
            }
            at = skipWhitespace(text, equals + 1);
            String parameterValue;
            if (at < text.length() && text.charAt(at) == '"') {
                int close = text.indexOf('"', at + 1);
                if (close < 0) {
                    throw new NtlmException("unterminated quoted value of '" + name + "'");
                }
                parameterValue = text.substring(at + 1, close);
                at = close + 1;
            } else {
                int comma = text.indexOf(',', at);
                int end = comma < 0 ? text.length() : comma;
                parameterValue = text.substring(at, end).strip();
                at = end;
            }
            if (parameters.put(name, parameterValue) != null) {
                throw new NtlmException("authentication parameter '" + name + "' given twice");
            }
            at = skipWhitespace(text, at);
            if (at < text.length()) {
                if (text.charAt(at) != ',') {
                    throw new NtlmException("expected ',' after '" + name + "' at " + at);
                }
                at++;
            }
        }
        return new SipaeHeader(scheme, parameters);
    }

    /** The header value, parameters in their insertion order (SIPE does not care about it). */
    public String format() {
        StringBuilder out = new StringBuilder(scheme);
        String separator = " ";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            out.append(separator).append(parameter.getKey()).append('=');
            if (UNQUOTED.contains(parameter.getKey())) {
                out.append(parameter.getValue());
            } else {
                out.append('"').append(parameter.getValue()).append('"');
            }
            separator = ", ";
        }
        return out.toString();
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }
}
