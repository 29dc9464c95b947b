package org.parley.sip.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.parley.chat.application.ChatSetting;
import org.parley.sip.container.SipConnectorConfig;

/** The SIP connector's configuration, from its settings ({@link SipSetting}), read once at the connector's start. */
final class SipSettings {

    private SipSettings() {}

    static SipConnectorConfig fromSystemProperties() {
        boolean debug = SipSetting.DEBUG_LOG.enabled();
        return SipConnectorConfig.builder()
                .bindAddress(SipSetting.BIND_ADDRESS.value())
                .hostName(SipSetting.HOST_NAME.value())
                .domains(Set.of(ChatSetting.DOMAIN.value()))
                .udpPort(SipSetting.UDP.enabled() ? SipSetting.PORT.number() : 0)
                .tcpPort(SipSetting.PORT.number())
                .tlsPort(SipSetting.TLS_PORT.number())
                .keyStore(
                        Path.of(SipSetting.TLS_KEYSTORE.value()),
                        SipSetting.TLS_KEYSTORE_PASSWORD.value(),
                        SipSetting.TLS_KEYSTORE_TYPE.value())
                .createKeyStore(SipSetting.TLS_CREATE_KEYSTORE.enabled())
                .sessionExpires(Duration.ofSeconds(SipSetting.SESSION_EXPIRES.number()))
                .maxQueuedRequests(SipSetting.MAX_QUEUED_REQUESTS.number())
                .maxOutboundQueue(SipSetting.MAX_OUTBOUND_QUEUE.number())
                .retryAfterSeconds(SipSetting.RETRY_AFTER.number())
                .maxContentLength(SipSetting.MAX_CONTENT_LENGTH.number())
                .maxMessageSize(SipSetting.MAX_MESSAGE_SIZE.number())
                .readTimeout(Duration.ofSeconds(SipSetting.READ_TIMEOUT.number()))
                .stackDebug(debug)
                .messageTrace(debug)
                .build();
    }
}
