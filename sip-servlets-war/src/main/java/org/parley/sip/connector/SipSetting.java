package org.parley.sip.connector;

import java.util.Properties;

import org.parley.chat.application.Setting;

/**
 * Every setting ({@link Setting}) the SIP WAR reads, with its system property and its default, in one place: the
 * connector's ({@link SipSettings}), who a request comes from and NTLM sign-in (chat.interfaces.sip). wildfly-config's
 * {@code configure-system-properties.cli} sets each from its environment variable with the same default
 * ({@code SipSettingTest} checks that it does). The SIP domain and the chat endpoints' names are the chat service's
 * ({@code ChatSetting}): the chat service names rooms and users in that domain.
 *
 * <p>A setting set blank takes its default, as the connector always did: the CLI script writes an unset environment
 * variable's default, so a blank value only comes from a hand-made property, and a port or limit of "" means none
 * given.
 */
public enum SipSetting implements Setting {
    BIND_ADDRESS("parley.sip.bind-address", "0.0.0.0"),
    HOST_NAME("parley.sip.host-name", "127.0.0.1"),
    PORT("parley.sip.port", "5060"),
    /** Off unless configured: UDP source addresses are easily forged, and front-end trust is by address. */
    UDP("parley.sip.udp", "false"),
    TLS_PORT("parley.sip.tls-port", "5061"),
    /** Its environment variable is named as it has been since the first release, without TLS. */
    TLS_KEYSTORE("parley.sip.tls.keystore", SipSetting.CONFIG_DIR + "/parley-sip.p12", "PARLEY_SIP_KEYSTORE"),
    TLS_KEYSTORE_PASSWORD("parley.sip.tls.keystore-password", "changeit", "PARLEY_SIP_KEYSTORE_PASSWORD"),
    TLS_KEYSTORE_TYPE("parley.sip.tls.keystore-type", "PKCS12"),
    TLS_CREATE_KEYSTORE("parley.sip.tls.create-keystore", "true"),
    SESSION_EXPIRES("parley.sip.session-expires", "720"),
    MAX_QUEUED_REQUESTS("parley.sip.max-queued-requests", "10000"),
    MAX_OUTBOUND_QUEUE("parley.sip.max-outbound-queue", "256"),
    RETRY_AFTER("parley.sip.retry-after", "5"),
    MAX_CONTENT_LENGTH("parley.sip.max-content-length", "65536"),
    MAX_MESSAGE_SIZE("parley.sip.max-message-size", "131072"),
    READ_TIMEOUT("parley.sip.read-timeout", "5"),
    DEBUG_LOG("parley.sip.debug-log", "false"),
    /** front-end, ntlm or trust-from; read on every request, so a management operation changes it live. */
    IDENTITY("parley.sip.identity", "front-end"),
    /** Read on every message, as the identity mode. */
    TRUSTED_FRONT_ENDS("parley.sip.trusted-front-ends", ""),
    NTLM_REQUIRE_TLS("parley.sip.ntlm.require-tls", "true"),
    /** Empty: parley.&lt;the SIP domain&gt; (NtlmSettings). */
    NTLM_TARGET_NAME("parley.sip.ntlm.target-name", ""),
    /** Empty: parley-ntlm-hashes.properties in the server's configuration directory (NtlmSettings). */
    NTLM_HASH_FILE("parley.sip.ntlm.hash-file", ""),
    NTLM_MAX_FAILURES_PER_USER("parley.sip.ntlm.max-failures-per-user", "5"),
    NTLM_MAX_FAILURES_PER_ADDRESS("parley.sip.ntlm.max-failures-per-address", "20"),
    NTLM_FAILURE_WINDOW_SECONDS("parley.sip.ntlm.failure-window-seconds", "900"),
    NTLM_LOCKOUT_SECONDS("parley.sip.ntlm.lockout-seconds", "900");

    /** WildFly's own property, written in a default as the CLI script writes it; outside a server, ".". */
    static final String CONFIG_DIR = "${jboss.server.config.dir}";

    private final String property;
    private final String fallback;
    private final String environmentVariable;

    SipSetting(String property, String fallback) {
        this(property, fallback, null);
    }

    SipSetting(String property, String fallback, String environmentVariable) {
        this.property = property;
        this.fallback = fallback;
        this.environmentVariable = environmentVariable;
    }

    @Override
    public String property() {
        return property;
    }

    @Override
    public String fallback() {
        return fallback;
    }

    @Override
    public String environmentVariable() {
        return environmentVariable == null ? Setting.super.environmentVariable() : environmentVariable;
    }

    /** The default with the server's configuration directory resolved among {@code properties}. */
    @Override
    public String fallbackIn(Properties properties) {
        return fallback.replace(CONFIG_DIR, properties.getProperty("jboss.server.config.dir", "."));
    }

    /** Blank takes the default (see the class comment). */
    @Override
    public String in(Properties properties) {
        String value = properties.getProperty(property);
        return value == null || value.isBlank() ? fallbackIn(properties) : value.strip();
    }

    /** The value as a whole number; anything else fails, naming the property. */
    public int number() {
        String value = value();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("system property " + property + " is not a number: " + value, e);
        }
    }
}
