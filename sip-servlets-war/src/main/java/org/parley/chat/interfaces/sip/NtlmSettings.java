package org.parley.chat.interfaces.sip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.parley.chat.application.ChatSetting;
import org.parley.chat.interfaces.sip.auth.SignInThrottle;
import org.parley.sip.connector.SipSetting;

/**
 * The settings of NTLM sign-in ({@link SipSetting}), read each time they are needed, so that a management operation
 * changes them on a running server; what an empty one stands for is worked out here.
 */
final class NtlmSettings {

    private NtlmSettings() {}

    /** The identity mode in force now: front-end, trust-from or ntlm. */
    static String mode() {
        return SipSetting.IDENTITY.value().toLowerCase(Locale.ROOT);
    }

    static boolean ntlm() {
        return "ntlm".equals(mode());
    }

    static boolean requireTls() {
        return SipSetting.NTLM_REQUIRE_TLS.enabled();
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
        String name = SipSetting.NTLM_TARGET_NAME.value();
        return name.isEmpty() ? "parley." + sipDomain() : name;
    }

    static Path hashFile() {
        String file = SipSetting.NTLM_HASH_FILE.value();
        return file.isEmpty()
                ? Path.of(System.getProperty("jboss.server.config.dir", "."), "parley-ntlm-hashes.properties")
                : Path.of(file);
    }

    static SignInThrottle.Limits limits() {
        return new SignInThrottle.Limits(
                positive(SipSetting.NTLM_MAX_FAILURES_PER_USER),
                positive(SipSetting.NTLM_MAX_FAILURES_PER_ADDRESS),
                Duration.ofSeconds(positive(SipSetting.NTLM_FAILURE_WINDOW_SECONDS)),
                Duration.ofSeconds(positive(SipSetting.NTLM_LOCKOUT_SECONDS)));
    }

    /**
     * At least 1; a value that is no number takes the default rather than failing: these are read at each sign-in, and
     * a mistyped live change must not stop every sign-in.
     */
    private static int positive(SipSetting setting) {
        try {
            return Math.max(1, Integer.parseInt(setting.value()));
        } catch (NumberFormatException e) {
            return Integer.parseInt(setting.fallback());
        }
    }
}
