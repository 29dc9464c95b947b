package org.parley.chat.domain.model.user;

import java.util.Locale;
import java.util.regex.Pattern;

import org.parley.chat.domain.shared.ChatException;

/**
 * A user's address, {@code sip:user@domain}, in the one form the store keeps and compares: lower case,
 * no parameters. Lync treats SIP addresses case-insensitively, and clients send them with varying case.
 */
public record SipUri(String value) {

    public static final int MAX_LENGTH = 256;

    private static final Pattern FORM = Pattern.compile("sip:[^@\\s;?:/]+@[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    public SipUri {
        if (value == null || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
            throw ChatException.invalid("not a user SIP URI: " + value);
        }
    }

    /** Accepts what clients send: any case, {@code sips:}, surrounding blanks, URI parameters. */
    public static SipUri parse(String text) {
        if (text == null) {
            throw ChatException.invalid("a user SIP URI is required");
        }
        String uri = text.strip().toLowerCase(Locale.ROOT);
        if (uri.startsWith("sips:")) {
            uri = "sip:" + uri.substring("sips:".length());
        }
        int parameters = uri.indexOf(';');
        return new SipUri(parameters < 0 ? uri : uri.substring(0, parameters));
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
