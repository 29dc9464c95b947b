package org.parley.chat.domain.model.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.parley.chat.domain.shared.ChatException;
import org.parley.chat.domain.shared.Name;

/**
 * Who a permission or a role is granted to: one user, a named group (a {@link UserGroup} Parley keeps, or a
 * group of the enterprise directory by its name), everyone of a SIP domain, or everyone under an organisational
 * unit of the directory. Written and stored as text: {@code sip:alice@contoso.com}, {@code group:engineering},
 * {@code domain:contoso.com}, {@code ou:OU=Sales,DC=contoso,DC=com}.
 */
public record Principal(Kind kind, String name) {

    public enum Kind {
        USER,
        GROUP,
        DOMAIN,
        UNIT
    }

    private static final String GROUP_PREFIX = "group:";
    private static final String DOMAIN_PREFIX = "domain:";
    private static final String UNIT_PREFIX = "ou:";
    /** The role tables' principal column. */
    public static final int MAX_LENGTH = 300;

    public Principal {
        if (kind == null || name == null || name.isBlank()) {
            throw ChatException.invalid("a principal needs a kind and a name");
        }
    }

    public static Principal user(SipUri uri) {
        return new Principal(Kind.USER, uri.value());
    }

    /**
     * A group is referred to by its name's key (as {@link UserGroup#principal}), so renaming the display form never
     * breaks a grant.
     */
    public static Principal group(String groupName) {
        return new Principal(
                Kind.GROUP,
                Name.of(groupName, "group name", UserGroup.MAX_NAME_LENGTH).key());
    }

    public static Principal domain(String domain) {
        // Reuse SipUri's host rule so a domain principal can only name what a user's domain can be.
        return new Principal(Kind.DOMAIN, SipUri.parse("sip:x@" + domain).domain());
    }

    /**
     * Everyone whose directory entry is under this distinguished name (an organisational unit, or any entry that
     * contains others). Kept in one normal form (attribute types and values in lower case, no spaces around the
     * separators) so that {@code OU=Sales, DC=Contoso,DC=com} and {@code ou=sales,dc=contoso,dc=com} are the same
     * grant.
     */
    public static Principal unit(String distinguishedName) {
        String normal = normalDn(distinguishedName);
        if (normal.isEmpty() || UNIT_PREFIX.length() + normal.length() > MAX_LENGTH) {
            throw ChatException.invalid("an organisational unit needs a distinguished name of at most "
                    + (MAX_LENGTH - UNIT_PREFIX.length()) + " characters, e.g. ou:OU=Sales,DC=contoso,DC=com");
        }
        return new Principal(Kind.UNIT, normal);
    }

    /**
     * A distinguished name in the normal form of {@link #unit}; the names of every entry above a user's entry are
     * the units the user is in.
     *
     * @throws ChatException (invalid) when the text is no distinguished name
     */
    public static String normalDn(String distinguishedName) {
        try {
            List<Rdn> rdns =
                    new ArrayList<>(new LdapName(distinguishedName == null ? "" : distinguishedName.strip()).getRdns());
            // LdapName keeps the RDNs right to left; the written form is left to right.
            Collections.reverse(rdns);
            return rdns.stream()
                    .map(rdn -> rdn.getType().toLowerCase(Locale.ROOT) + "="
                            + Rdn.escapeValue(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT)))
                    .collect(Collectors.joining(","));
        } catch (InvalidNameException | IllegalArgumentException notADn) {
            throw ChatException.invalid("not a distinguished name: " + distinguishedName);
        }
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
        if (lower.startsWith(UNIT_PREFIX)) {
            return unit(value.substring(UNIT_PREFIX.length()));
        }
        if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
            return user(SipUri.parse(value));
        }
        throw ChatException.invalid(
                "not a principal (sip:user@domain, group:name, domain:name or ou:distinguished name): " + text);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case USER -> name;
            case GROUP -> GROUP_PREFIX + name;
            case DOMAIN -> DOMAIN_PREFIX + name;
            case UNIT -> UNIT_PREFIX + name;
        };
    }
}
