package org.parley.sip.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.parley.chat.application.ChatSetting;
import org.parley.sip.container.SipConnectorConfig;

/**
 * The SIP connector's configuration, read from the system properties that
 * wildfly-config/src/main/cli/configure-system-properties.cli sets (each overridable by an
 * environment variable there). Defaults here only matter when a property is missing.
 */
final class SipSettings {

    private SipSettings() {}

    static SipConnectorConfig fromSystemProperties() {
        String domain = ChatSetting.DOMAIN.value();
        boolean debug = Boolean.parseBoolean(property("parley.sip.debug-log", "false"));
        return SipConnectorConfig.builder()
                .bindAddress(property("parley.sip.bind-address", "0.0.0.0"))
                .hostName(property("parley.sip.host-name", "127.0.0.1"))
                .domains(Set.of(domain))
                // Off unless configured: UDP source addresses are easily forged, and front-end trust is by address.
                .udpPort(
                        Boolean.parseBoolean(property("parley.sip.udp", "false"))
                                ? intProperty("parley.sip.port", 5060)
                                : 0)
                .tcpPort(intProperty("parley.sip.port", 5060))
                .tlsPort(intProperty("parley.sip.tls-port", 5061))
                .keyStore(
                        Path.of(property(
                                "parley.sip.tls.keystore",
                                System.getProperty("jboss.server.config.dir", ".") + "/parley-sip.p12")),
                        property("parley.sip.tls.keystore-password", "changeit"),
                        property("parley.sip.tls.keystore-type", "PKCS12"))
                .createKeyStore(Boolean.parseBoolean(property("parley.sip.tls.create-keystore", "true")))
                .sessionExpires(Duration.ofSeconds(intProperty("parley.sip.session-expires", 720)))
                .maxQueuedRequests(intProperty("parley.sip.max-queued-requests", 10_000))
                .maxOutboundQueue(intProperty("parley.sip.max-outbound-queue", 256))
                .retryAfterSeconds(intProperty("parley.sip.retry-after", 5))
                .maxContentLength(intProperty("parley.sip.max-content-length", 64 * 1024))
                .maxMessageSize(intProperty("parley.sip.max-message-size", 128 * 1024))
                .readTimeout(Duration.ofSeconds(intProperty("parley.sip.read-timeout", 5)))
                .stackDebug(debug)
                .messageTrace(debug)
                .build();
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intProperty(String name, int fallback) {
        String value = property(name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("system property " + name + " is not a number: " + value, e);
        }
    }
}
