package org.parley.chat.interfaces.sip.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * Who an NTLM login is in Parley's one user directory. SIPE sends the login as typed: a UPN
 * ({@code alice@contoso.com}, domain field empty) or {@code DOMAIN\alice} (user {@code alice}, domain
 * {@code DOMAIN}). The directory (the web services' realm and the NT hash store) names users as the web
 * side does: {@code alice} for a user of the SIP domain, the whole UPN for anyone else.
 */
public final class NtlmUserNames {

    private NtlmUserNames() {}

    /**
     * @param sipDomain the domain Parley serves ({@code contoso.com})
     * @param netbiosDomain the NTLM domain Parley names in its CHALLENGE ({@code CONTOSO})
     * @return the directory name, or empty for a domain Parley does not serve
     */
    public static Optional<String> directoryName(String user, String domain, String sipDomain, String netbiosDomain) {
        String name = user.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.contains("\\") || name.chars().anyMatch(c -> c < ' ')) {
            return Optional.empty();
        }
        if (!domain.isEmpty() && !domain.equalsIgnoreCase(netbiosDomain) && !domain.equalsIgnoreCase(sipDomain)) {
            return Optional.empty();
        }
        int at = name.indexOf('@');
        if (at < 0) {
            return Optional.of(name);
        }
        if (!domain.isEmpty() || at == 0 || at == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(
                name.substring(at + 1).equals(sipDomain.toLowerCase(Locale.ROOT)) ? name.substring(0, at) : name);
    }

    /** The SIP URI of a directory name: {@code alice} is {@code sip:alice@<sipDomain>}, a UPN keeps its domain. */
    public static String sipUri(String directoryName, String sipDomain) {
        return "sip:"
                + (directoryName.contains("@")
                        ? directoryName
                        : directoryName + "@" + sipDomain.toLowerCase(Locale.ROOT));
    }
}
