package org.parley.chat.domain.model.user;

import java.util.Locale;

import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Texts;

/**
 * Who a permission or a role is granted to: one user, a named {@link UserGroup}, or everyone of a SIP
 * domain. Written and stored as text: {@code sip:alice@contoso.com}, {@code group:engineering},
 * {@code domain:contoso.com}.
 */
public record Principal(Kind kind, String name) {

    public enum Kind { USER, GROUP, DOMAIN }

    private static final String GROUP_PREFIX = "group:";
    private static final String DOMAIN_PREFIX = "domain:";

    public Principal {
        if (kind == null || name == null || name.isBlank()) {
            throw ChatException.invalid("a principal needs a kind and a name");
        }
    }

    public static Principal user(SipUri uri) {
        return new Principal(Kind.USER, uri.value());
    }

    /** A group is referred to by its name key, so renaming the display form never breaks a grant. */
    public static Principal group(String groupName) {
        return new Principal(Kind.GROUP, Texts.key(Texts.required(groupName, "group name", UserGroup.MAX_NAME_LENGTH)));
    }

    public static Principal domain(String domain) {
        // Reuse SipUri's host rule so a domain principal can only name what a user's domain can be.
        return new Principal(Kind.DOMAIN, SipUri.parse("sip:x@" + domain).domain());
    }

    public static Principal parse(String text) {
        String value = text == null ? "" : text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith(GROUP_PREFIX)) {
            return group(value.substring(GROUP_PREFIX.length()));
        }
        if (lower.startsWith(DOMAIN_PREFIX)) {
            return domain(value.substring(DOMAIN_PREFIX.length()));
        }
        if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
            return user(SipUri.parse(value));
        }
        throw ChatException.invalid("not a principal (sip:user@domain, group:name or domain:name): " + text);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case USER -> name;
            case GROUP -> GROUP_PREFIX + name;
            case DOMAIN -> DOMAIN_PREFIX + name;
        };
    }
}
