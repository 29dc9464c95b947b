package org.parley.chat.interfaces.sip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.parley.chat.application.ChatSetting;
import org.parley.chat.interfaces.sip.auth.SignInThrottle;

/**
 * The settings of NTLM sign-in, read from the system properties of configure-system-properties.cli
 * each time they are needed, so that a management operation changes them on a running server.
 */
final class NtlmSettings {

    static final String IDENTITY = "parley.sip.identity";

    private NtlmSettings() {}

    /** The identity mode in force now: front-end, trust-from or ntlm. */
    static String mode() {
        return property(IDENTITY, "front-end").toLowerCase(Locale.ROOT);
    }

    static boolean ntlm() {
        return "ntlm".equals(mode());
    }

    static boolean requireTls() {
        return Boolean.parseBoolean(property("parley.sip.ntlm.require-tls", "true"));
    }

    static String sipDomain() {
        return ChatSetting.DOMAIN.value().toLowerCase(Locale.ROOT);
    }

    /** {@code CONTOSO} for contoso.com: what the CHALLENGE names as the NTLM domain. */
    static String netbiosDomain() {
        String domain = sipDomain();
        int dot = domain.indexOf('.');
        String first = dot < 0 ? domain : domain.substring(0, dot);
        return first.substring(0, Math.min(15, first.length())).toUpperCase(Locale.ROOT);
    }

    static String targetName() {
        return property("parley.sip.ntlm.target-name", "parley." + sipDomain());
    }

    static Path hashFile() {
        return Path.of(property(
                "parley.sip.ntlm.hash-file",
                System.getProperty("jboss.server.config.dir", ".") + "/parley-ntlm-hashes.properties"));
    }

    static SignInThrottle.Limits limits() {
        return new SignInThrottle.Limits(
                number("parley.sip.ntlm.max-failures-per-user", 5),
                number("parley.sip.ntlm.max-failures-per-address", 20),
                Duration.ofSeconds(number("parley.sip.ntlm.failure-window-seconds", 900)),
                Duration.ofSeconds(number("parley.sip.ntlm.lockout-seconds", 900)));
    }

    private static int number(String name, int fallback) {
        try {
            return Math.max(1, Integer.parseInt(property(name, Integer.toString(fallback))));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
